"""Availability status a user sets for themself (R3.3.4), stored persistently.

One OOBTree in the portal's annotations, one small record per user: two
people changing their status at the same time touch different keys, which
the BTree resolves without a conflict error. Written only on an explicit POST.
"""

from BTrees.OOBTree import OOBTree
from collective.servicedesk import _
from collective.servicedesk.annotations import portal_storage
from datetime import UTC
from datetime import datetime

ANNOTATION_KEY = "collective.servicedesk.availability"
STATUSES = ("available", "busy", "away", "absent")
DEFAULT_STATUS = "available"


def status_titles() -> dict:
    """Translatable titles of the statuses."""
    return {
        "available": _("status_available", default="Available"),
        "busy": _("status_busy", default="Busy"),
        "away": _("status_away", default="Away"),
        "absent": _("status_absent", default="Absent"),
    }


def _storage(create: bool = False) -> OOBTree | None:
    return portal_storage(ANNOTATION_KEY, create=create)


def set_status(user_id: str, status: str, note: str = "") -> dict:
    """Store a user's status; raise ValueError for an unknown status."""
    if status not in STATUSES:
        raise ValueError(status)
    if not user_id:
        raise ValueError("user_id")
    record = {
        "status": status,
        "note": (note or "").strip()[:200],
        "changed": datetime.now(UTC),
    }
    tree = _storage(create=True)
    current = tree.get(user_id)
    if current is None or (current["status"], current["note"]) != (
        record["status"],
        record["note"],
    ):
        tree[user_id] = record
    return dict(tree[user_id])


def get_status(user_id: str) -> dict | None:
    """Return {status, note, changed} of a user, or None if never set."""
    tree = _storage()
    record = tree.get(user_id) if tree is not None and user_id else None
    return dict(record) if record is not None else None


def all_statuses() -> dict[str, dict]:
    """Return {user id: record} of everybody who set a status."""
    tree = _storage()
    return {key: dict(value) for key, value in tree.items()} if tree else {}


def clear_status(user_id: str) -> None:
    """Forget a user's status (e.g. when the account is removed)."""
    tree = _storage()
    if tree is not None and user_id in tree:
        del tree[user_id]
