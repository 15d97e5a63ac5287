"""The persistent SMS outbox: BTrees of plain dicts in a portal annotation.

Works like the outgoing-mail queue of ``notifications`` (same statuses, back-off
and claim rules): an item is claimed in its own transaction before it is sent,
so two workers never send the same SMS, and failures wait for the tick.
"""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.annotations import with_parts
from collective.servicedesk.notifications.queue import FAILED
from collective.servicedesk.notifications.queue import GIVEN_UP
from collective.servicedesk.notifications.queue import MAX_ATTEMPTS
from collective.servicedesk.notifications.queue import PENDING
from collective.servicedesk.notifications.queue import SENDING
from collective.servicedesk.notifications.queue import SENT
from collective.servicedesk.notifications.queue import backoff
from collective.servicedesk.notifications.queue import is_due
from collective.servicedesk.notifications.queue import utcnow
from datetime import datetime

ANNOTATION_KEY = "collective.servicedesk.smsqueue"

__all__ = ["FAILED", "GIVEN_UP", "PENDING", "SENDING", "SENT", "utcnow"]


def _root(portal: object = None, create: bool = False) -> OOBTree | None:
    """Return the outbox root; create it only when asked (never on a read)."""
    new_root = with_parts(items=OOBTree, pending=OOTreeSet)
    return portal_storage(ANNOTATION_KEY, new_root, create=create, portal=portal)


def get_item(key: str, portal: object = None) -> dict | None:
    """Return a copy of the outbox item with this key, or None."""
    root = _root(portal)
    item = root["items"].get(key) if root is not None and key else None
    return dict(item) if item is not None else None


def add_item(key: str, to: str, text: str, reference: str, portal=None) -> dict:
    """Queue one SMS (idempotent per key) and return the item."""
    existing = get_item(key, portal)
    if existing is not None:
        return existing
    item = {
        "key": key,
        "to": to,
        "text": text,
        "reference": reference,
        "created": utcnow(),
        "status": PENDING,
        "attempts": 0,
        "last_error": "",
        "next_attempt": None,
        "sent_at": None,
        "gateway_id": "",
    }
    _store(item, portal, create=True)
    return dict(item)


def _store(item: dict, portal: object = None, create: bool = False) -> None:
    root = _root(portal, create=create)
    root["items"][item["key"]] = dict(item)
    pending = root["pending"]
    if item["status"] in (PENDING, SENDING, FAILED):
        if item["key"] not in pending:
            pending.add(item["key"])
    elif item["key"] in pending:
        pending.remove(item["key"])


def claim(key: str, now: datetime, portal: object = None) -> dict | None:
    """Mark the item as being sent and return it; None if it is not due."""
    item = get_item(key, portal)
    if item is None or not is_due(item, now):
        return None
    item.update(status=SENDING, claimed_at=now, attempts=item["attempts"] + 1)
    _store(item, portal)
    return item


def mark_sent(key: str, gateway_id: str, now: datetime, portal=None) -> None:
    """Record a successful hand-over to the gateway."""
    item = get_item(key, portal)
    item.update(status=SENT, sent_at=now, last_error="", gateway_id=gateway_id)
    item["next_attempt"] = None
    _store(item, portal)


def mark_failed(key: str, error: str, now: datetime, portal=None) -> None:
    """Record a failure and when to try again (or give up after many)."""
    item = get_item(key, portal)
    if item["attempts"] >= MAX_ATTEMPTS:
        item.update(status=GIVEN_UP, last_error=error, next_attempt=None)
    else:
        next_attempt = now + backoff(item["attempts"])
        item.update(status=FAILED, last_error=error, next_attempt=next_attempt)
    _store(item, portal)


def scrub(key: str, marker: str, portal: object = None) -> bool:
    """Remove the phone number and text of a finished item; True if changed."""
    item = get_item(key, portal)
    if item is None or item["status"] in (PENDING, SENDING, FAILED):
        return False
    item.update(to="", text=marker)
    _store(item, portal)
    return True


def due_keys(now: datetime, portal: object = None, limit: int = 200) -> list[str]:
    """Return the keys of pending, retry-due and stale items, oldest first."""
    root = _root(portal)
    if root is None:
        return []
    items = root["items"]
    due = [key for key in root["pending"] if is_due(items[key], now)]
    due.sort(key=lambda key: items[key]["created"])
    return due[:limit]
