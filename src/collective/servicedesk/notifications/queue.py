"""Queue operations: add, look up, claim, and record the outcome of a delivery."""

from collective.servicedesk.notifications.storage import SENTINEL
from collective.servicedesk.notifications.storage import add_to_index
from collective.servicedesk.notifications.storage import part
from collective.servicedesk.notifications.storage import parts_of
from collective.servicedesk.notifications.storage import shard_part
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from persistent.mapping import PersistentMapping

PENDING = "pending"  # waiting for the after-commit delivery
SENDING = "sending"  # claimed by a worker
SENT = "sent"
FAILED = "failed"  # will be retried by the tick
# Parked: failed for good (a permanent error, or too many passing ones); never
# retried by itself, listed for admins, who retry or discard it.
GIVEN_UP = "given_up"
SKIPPED = "skipped"  # not sent on purpose (no address, turned off, discarded)
PERMANENT = "permanent"  # reason of an item parked at its first failure
DISCARDED = "discarded"  # reason of a parked item an admin threw away
STATUSES = (PENDING, SENDING, SENT, FAILED, GIVEN_UP, SKIPPED)

MAX_ATTEMPTS = 8
# A claim older than this is taken as a crashed worker and retried.
STALE_CLAIM = timedelta(minutes=30)


def utcnow() -> datetime:
    """Return the current time (aware, UTC)."""
    return datetime.now(UTC)


def _utc(now: datetime) -> datetime:
    """Store times in UTC: the ZODB cannot pickle zoneinfo time zones."""
    return now.astimezone(UTC)


def backoff(attempts: int) -> timedelta:
    """Return the wait before the next attempt: 5, 10, 20 ... minutes, at most 6 h."""
    return min(timedelta(minutes=5) * 2 ** max(attempts - 1, 0), timedelta(hours=6))


def _home(key: str, portal: object = None):
    """(items tree, pending set) that hold ``key``: its shard, or the legacy parts."""
    items = shard_part("items", key, portal)
    if items is not None and key in items:
        return items, shard_part("pending", key, portal)
    legacy = part("items", portal)
    if legacy is not None and key in legacy:
        return legacy, part("pending", portal)
    return None, None


def get_item(key: str, portal: object = None) -> dict | None:
    """Return a copy of the queued item with this key, or None."""
    if not key:
        return None
    items, _pending = _home(key, portal)
    return dict(items[key]) if items is not None else None


def add_item(item: dict, portal: object = None) -> bool:
    """Store a new item in its key's shard; False (and no change) if the key exists."""
    key = item["key"]
    if not key or _home(key, portal)[0] is not None:
        return False
    shard_part("items", key, portal, create=True)[key] = PersistentMapping(item)
    if item["status"] == PENDING:
        shard_part("pending", key, portal).add(key)
    uid = item.get("context_uid")
    if uid:
        add_to_index(shard_part("by_context", uid, portal), uid, key)
    add_to_index(part("by_sender", portal), item.get("sender_id"), key)
    return True


def _store(key: str, item: dict, portal: object = None) -> None:
    # Changed in place: the tree's bucket is not touched, so a status change
    # never conflicts with items being added at the same time.
    items, pending = _home(key, portal)
    stored = items[key]
    if isinstance(stored, PersistentMapping):
        stored.update(item)
    else:  # a plain dict written by older code: make it persistent again
        items[key] = PersistentMapping(item)
    if item["status"] in (PENDING, SENDING, FAILED):
        if key not in pending:
            pending.add(key)
    elif key in pending:
        pending.remove(key)
    parked = part("parked", portal, create=item["status"] == GIVEN_UP)
    if item["status"] == GIVEN_UP:
        parked.add(key)
    elif parked is not None and key in parked:
        parked.remove(key)


def update_item(key: str, portal: object = None, **changes) -> bool:
    """Change fields of an item in place (e.g. scrub personal data); False if absent.

    The status and the bookkeeping fields are the queue's own: use claim,
    mark_sent, mark_failed and retry_now for them.
    """
    item = get_item(key, portal)
    if item is None:
        return False
    item.update(changes)
    _store(key, item, portal)
    return True


def is_due(item: dict, now: datetime) -> bool:
    """True if a worker may (re)try this item now."""
    status = item["status"]
    if status == PENDING:
        return True
    if status == FAILED:
        return item.get("next_attempt") is None or item["next_attempt"] <= now
    if status == SENDING:
        return item.get("claimed_at") is None or item["claimed_at"] + STALE_CLAIM <= now
    return False


def claim(key: str, now: datetime, portal: object = None) -> dict | None:
    """Mark the item as being sent and return it; None if it is not due."""
    now = _utc(now)
    item = get_item(key, portal)
    if item is None or not is_due(item, now):
        return None
    item.update(status=SENDING, claimed_at=now, attempts=item.get("attempts", 0) + 1)
    _store(key, item, portal)
    return item


def mark_sent(key: str, now: datetime, portal: object = None) -> None:
    """Record a successful delivery."""
    now = _utc(now)
    item = get_item(key, portal)
    item.update(status=SENT, sent_at=now, last_error="", next_attempt=None)
    _store(key, item, portal)


def mark_failed(
    key: str, error: str, now: datetime, portal: object = None, permanent=False
) -> None:
    """Record a failed delivery and when to try again (never, if permanent)."""
    now = _utc(now)
    item = get_item(key, portal)
    attempts = item.get("attempts", 1)
    if permanent or attempts >= MAX_ATTEMPTS:
        item.update(
            status=GIVEN_UP,
            last_error=error,
            next_attempt=None,
            reason=PERMANENT if permanent else item.get("reason", ""),
        )
    else:
        item.update(
            status=FAILED, last_error=error, next_attempt=now + backoff(attempts)
        )
    _store(key, item, portal)


def retry_now(key: str, now: datetime | None = None, portal: object = None) -> bool:
    """Make a failed or given-up item due again (an admin's "retry")."""
    now = _utc(now or utcnow())
    item = get_item(key, portal)
    if item is None or item["status"] not in (FAILED, GIVEN_UP):
        return False
    item.update(
        status=FAILED,
        next_attempt=now,
        attempts=min(item.get("attempts", 0), MAX_ATTEMPTS - 1),
        reason="",
    )
    _store(key, item, portal)
    return True


def discard(key: str, portal: object = None) -> bool:
    """Give up a parked item for good (an admin's "discard")."""
    item = get_item(key, portal)
    if item is None or item["status"] != GIVEN_UP:
        return False
    item.update(status=SKIPPED, reason=DISCARDED, next_attempt=None)
    _store(key, item, portal)
    return True


def parked_keys(portal: object = None) -> list[str]:
    """Return the keys of the parked items (failed for good)."""
    parked = part("parked", portal)
    return [key for key in parked or () if key != SENTINEL]


def due_keys(now: datetime, portal: object = None, limit: int = 500) -> list[str]:
    """Return the keys of pending, retry-due and stale items (oldest first)."""
    due = []
    # Each pending set with the items tree beside it: the legacy pair, the shards'.
    pairs = zip(parts_of("items", portal), parts_of("pending", portal), strict=True)
    for items, pending in pairs:
        for key in pending:
            item = items.get(key) if key != SENTINEL else None
            if item is not None and is_due(item, now):
                due.append((item.get("created") or now, key))
    due.sort(key=lambda entry: entry[0])
    return [key for _created, key in due[:limit]]


def keys_for(index: str, value: str, portal: object = None) -> list[str]:
    """Return the item keys of a context uid (index "by_context") or a sender."""
    if not value:
        return []
    if index == "by_context":  # the legacy tree (if any) and the uid's own shard
        trees = [part(index, portal), shard_part(index, value, portal)]
    else:
        trees = [part(index, portal)]
    found: list[str] = []
    for tree in trees:
        keys = tree.get(value) if tree is not None else None
        if keys is not None:
            found.extend(key for key in keys if key not in found)
    return found


def list_items(
    keys: list[str] | None = None, portal: object = None, limit: int = 200
) -> list[dict]:
    """Return copies of the items (all, or of `keys`), newest first."""
    if keys is None:
        trees = parts_of("items", portal)
        selected = [item for items in trees for item in items.values()]
    else:
        selected = [item for item in (get_item(k, portal) for k in keys) if item]
    selected.sort(key=lambda item: item.get("created"), reverse=True)
    return [dict(item) for item in selected[:limit]]
