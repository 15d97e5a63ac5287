"""Public replies stored on the inquiry: an OOBTree of plain dicts in an annotation.

Replies are what the citizen received (e-mail, letter, SMS), kept apart from
internal notes. Records are dicts that are never changed in place: every write
stores a new dict. Only BTrees, built-in types and plone.namedfile blobs are
stored, so the data survives an uninstall of the add-on unharmed.
"""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import object_storage
from datetime import UTC
from datetime import datetime
import uuid

ANNOTATION_KEY = "collective.servicedesk.replies"
CHANNELS = ("email", "letter", "sms")


def _tree(obj: object, create: bool = False) -> OOBTree | None:
    """Return the reply tree of ``obj``; create it only when asked (never on a read)."""
    return object_storage(obj, ANNOTATION_KEY, create=create)


def new_id() -> str:
    """Return a new reply id that sorts by creation time."""
    now = datetime.now(UTC)
    return f"{now:%Y%m%d%H%M%S%f}-{uuid.uuid4().hex[:8]}"


def add_reply(obj: object, record: dict) -> dict:
    """Store a new reply record on ``obj`` and return it."""
    record = dict(record)
    record.setdefault("id", new_id())
    record.setdefault("date", datetime.now(UTC))
    _tree(obj, create=True)[record["id"]] = record
    return dict(record)


def get_reply(obj: object, reply_id: str) -> dict | None:
    """Return a copy of one reply record, or None."""
    tree = _tree(obj)
    record = tree.get(reply_id) if tree is not None and reply_id else None
    return dict(record) if record is not None else None


def update_reply(obj: object, reply_id: str, **changes) -> dict:
    """Store a changed copy of a reply record and return it."""
    tree = _tree(obj)
    record = dict(tree[reply_id])
    record.update(changes)
    tree[reply_id] = record
    return dict(record)


def list_replies(obj: object) -> list[dict]:
    """Return copies of the replies of ``obj``, oldest first."""
    tree = _tree(obj)
    if tree is None:
        return []
    return [dict(record) for record in tree.values()]
