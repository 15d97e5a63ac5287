"""The message box API: deliver, list, search, mark read, set status, delete."""

from collective.servicedesk.messages.storage import box
from collective.servicedesk.messages.storage import unread_counter
from collective.servicedesk.notifications.recipients import display_name
from datetime import UTC
from datetime import datetime
from persistent.mapping import PersistentMapping
import uuid

STATUSES = ("new", "in_progress", "done")


def deliver(
    user_id: str,
    subject: str,
    text: str,
    *,
    kind: str = "message",
    sender_id: str | None = None,
    url: str | None = None,
    context_uid: str | None = None,
    entry_id: str | None = None,
) -> str:
    """Put an unread entry into the user's box; an existing `entry_id` is kept."""
    entries = box(user_id, create=True)
    entry_id = entry_id or uuid.uuid4().hex
    if entry_id in entries:
        return entry_id
    entries[entry_id] = PersistentMapping(
        {
            "id": entry_id,
            "kind": kind,
            "subject": subject,
            "text": text,
            "sender_id": sender_id,
            "sender_name": display_name(sender_id),
            "url": url,
            "context_uid": context_uid,
            "created": datetime.now(UTC),
            "read": False,
            "status": "new",
        }
    )
    unread_counter(user_id).change(1)
    return entry_id


def unread_count(user_id: str) -> int:
    """Return how many unread entries the user has (cheap, never writes)."""
    counter = unread_counter(user_id)
    return max(counter(), 0) if counter is not None else 0


def _matches(entry: dict, words: list[str]) -> bool:
    haystack = " ".join(
        str(entry.get(name) or "") for name in ("subject", "text", "sender_name")
    ).lower()
    return all(word in haystack for word in words)


def entries(
    user_id: str,
    text: str = "",
    unread_only: bool = False,
    status: str | None = None,
) -> list[dict]:
    """Return copies of the user's entries, newest first, filtered by free text."""
    entries = box(user_id)
    if entries is None:
        return []
    words = text.lower().split()
    result = [
        dict(entry)
        for entry in entries.values()
        if (not unread_only or not entry["read"])
        and (not status or entry["status"] == status)
        and (not words or _matches(entry, words))
    ]
    result.sort(key=lambda entry: entry["created"], reverse=True)
    return result


def get_entry(user_id: str, entry_id: str) -> dict | None:
    """Return a copy of one entry, or None."""
    entries = box(user_id)
    entry = entries.get(entry_id) if entries is not None else None
    return dict(entry) if entry is not None else None


def _update(user_id: str, entry_id: str, **changes) -> bool:
    entries = box(user_id)
    entry = entries.get(entry_id) if entries is not None else None
    if entry is None:
        return False
    changed = {k: v for k, v in changes.items() if entry.get(k) != v}
    if not changed:
        return False
    if "read" in changed:
        unread_counter(user_id).change(-1 if changed["read"] else 1)
    entry.update(changed)  # in place: no conflict with new entries arriving
    return True


def mark_read(user_id: str, entry_ids: list[str], read: bool = True) -> int:
    """Mark entries read (or unread); return how many changed."""
    return sum(_update(user_id, entry_id, read=read) for entry_id in entry_ids)


def set_status(user_id: str, entry_id: str, status: str) -> bool:
    """Set an entry's status (new, in_progress, done)."""
    if status not in STATUSES:
        raise ValueError(f"Unknown status: {status}")
    return _update(user_id, entry_id, status=status)


def delete(user_id: str, entry_ids: list[str]) -> int:
    """Delete entries; return how many were removed."""
    entries = box(user_id)
    removed = 0
    for entry_id in entry_ids:
        entry = entries.get(entry_id) if entries is not None else None
        if entry is None:
            continue
        if not entry["read"]:
            unread_counter(user_id).change(-1)
        del entries[entry_id]
        removed += 1
    return removed
