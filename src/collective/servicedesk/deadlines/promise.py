"""Set an inquiry's due date from its category's service promise; agent overrides."""

from collective.servicedesk.categories import get_category
from collective.servicedesk.deadlines.calendar import TIMEZONE
from collective.servicedesk.deadlines.calendar import compute_due_date
from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.history import record
from collective.servicedesk.settings import settings
from datetime import datetime
from zope.annotation.interfaces import IAnnotations
import pytz

ANNOTATION_KEY = "collective.servicedesk.deadline"
# Kept by pause.py (which imports this module).
PAUSE_KEY = "collective.servicedesk.deadline_pause"
DEFAULT_PROMISE_HOURS = 48


def storable(value: datetime) -> datetime:
    """Return `value` in Oslo time with a pytz zone (ZODB cannot pickle zoneinfo)."""
    return value.astimezone(pytz.timezone(TIMEZONE.key))


def is_inquiry(obj: object) -> bool:
    """True for Inquiry objects (checked by type so we do not import the type)."""
    return getattr(obj, "portal_type", None) == "Inquiry"


def promise_hours(category_id: str | None) -> int:
    """Return the category's promise in hours, else the control panel default."""
    hours = None
    if category_id:
        category = get_category(category_id)
        hours = (category or {}).get("promise_hours")
    if not hours:
        hours = settings().desk.default_service_promise
    return int(hours)


def _created(obj: object) -> datetime:
    """Return the creation time of `obj` (now for objects without one)."""
    created = getattr(obj, "created", None)
    value = created() if callable(created) else None
    return to_local(value) if value is not None else datetime.now(TIMEZONE)


def deadline_info(obj: object) -> dict:
    """Return how the due date was set: {"auto", "category", "hours", "reason"}."""
    return dict(IAnnotations(obj).get(ANNOTATION_KEY) or {})


def _reindex(obj: object) -> None:
    if hasattr(obj, "reindexObject"):
        obj.reindexObject(idxs=["due_date"])


def apply_promise(obj: object) -> datetime:
    """Set `obj.due_date` from its category's promise, counted from its creation."""
    category = getattr(obj, "category", None)
    hours = promise_hours(category)
    # Hours spent waiting for the citizen do not count (see pause.py).
    paused = (IAnnotations(obj).get(PAUSE_KEY) or {}).get("paused_hours", 0.0)
    obj.due_date = storable(compute_due_date(_created(obj), hours + paused))
    IAnnotations(obj)[ANNOTATION_KEY] = {
        "auto": True,
        "category": category,
        "hours": hours,
    }
    _reindex(obj)
    return obj.due_date


def on_added(obj: object, event: object) -> None:
    """New inquiry: compute its due date unless the agent gave one."""
    if not is_inquiry(obj):
        return
    if getattr(obj, "due_date", None):
        IAnnotations(obj)[ANNOTATION_KEY] = {"auto": False}
        return
    apply_promise(obj)


def on_modified(obj: object, event: object) -> None:
    """Changed category of an inquiry with a computed due date: recompute it."""
    if not is_inquiry(obj):
        return
    info = deadline_info(obj)
    if not info.get("auto"):
        return
    if getattr(obj, "category", None) != info.get("category"):
        apply_promise(obj)


def override_due_date(obj: object, due: datetime, reason: str) -> None:
    """Set a due date chosen by an agent, with the reason in the history."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A reason is required to change the due date.")
    due = storable(to_local(due))
    old = getattr(obj, "due_date", None)
    obj.due_date = due
    IAnnotations(obj)[ANNOTATION_KEY] = {"auto": False, "reason": reason}
    _reindex(obj)
    record(
        obj,
        "due_date_changed",
        comment=reason,
        changes={
            "due_date": [
                old.isoformat() if old else None,
                due.isoformat(),
            ]
        },
    )
