"""Internal notes on an inquiry: staff only, never shown to citizens.

Stored in an OOBTree annotation of the inquiry (keys sort by time), not in a
schema field, so no serializer, index or search result ever exposes them.
"""

from collective.servicedesk.annotations import object_storage
from collective.servicedesk.history import record
from datetime import UTC
from datetime import datetime
from plone import api
from zope.annotation.interfaces import IAnnotations
import time
import uuid

ANNOTATION_KEY = "collective.servicedesk.notes"


def add_note(obj: object, text: str, author_id: str | None = None) -> dict:
    """Add a note by the current user (or `author_id`); return it."""
    text = (text or "").strip()
    if not text:
        raise ValueError("An internal note needs a text.")
    if author_id is None:
        author_id = api.user.get_current().getId()
    tree = object_storage(obj, ANNOTATION_KEY, create=True)
    note_id = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
    note = {
        "id": note_id,
        "author": author_id,
        "text": text,
        "created": datetime.now(UTC),
    }
    tree[note_id] = note
    _record(obj, note)
    return dict(note)


def notes(obj: object) -> list[dict]:
    """Return copies of the notes, oldest first."""
    tree = IAnnotations(obj).get(ANNOTATION_KEY)
    return [dict(note) for note in tree.values()] if tree is not None else []


def _record(obj: object, note: dict) -> None:
    """Leave a history entry (without the note's text)."""
    record(obj, "internal_note_added")
