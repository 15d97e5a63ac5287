"""The history of an inquiry, kept in an annotation of the inquiry itself."""

from collective.servicedesk.annotations import object_storage
from collective.servicedesk.history.events import HistoryRecorded
from datetime import UTC
from datetime import datetime
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.event import notify

ANNOTATION_KEY = "collective.servicedesk.history"


def _current_user_id() -> str:
    if api.user.is_anonymous():
        return "Anonymous User"
    return api.user.get_current().getId()


def record(obj, action: str, comment: str = "", changes: dict | None = None) -> None:
    """Append an entry (who, when, action, comment, changes) to the history."""
    history = object_storage(obj, ANNOTATION_KEY, PersistentList, create=True)
    entry = {
        "who": _current_user_id(),
        "when": datetime.now(UTC),
        "action": action,
        "comment": comment or "",
        "changes": dict(changes or {}),
    }
    history.append(entry)
    notify(HistoryRecorded(obj, dict(entry)))


def entries(obj) -> list[dict]:
    """Return copies of the history entries, oldest first."""
    history = IAnnotations(obj).get(ANNOTATION_KEY) or ()
    return [dict(entry, changes=dict(entry["changes"])) for entry in history]


def clear(obj) -> None:
    """Forget the history (a copied inquiry starts afresh)."""
    IAnnotations(obj).pop(ANNOTATION_KEY, None)
