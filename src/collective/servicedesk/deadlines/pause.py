"""Waiting for the citizen: the service-promise clock stops and resumes.

While an inquiry waits for the citizen, business hours do not count against
its due date. When the clock resumes (the citizen answers by e-mail, SMS or
the track page, or a handler resumes it), the due date moves on by the
business hours that passed while waiting.
"""

from collective.servicedesk.deadlines.calendar import _window
from collective.servicedesk.deadlines.calendar import compute_due_date
from collective.servicedesk.deadlines.calendar import opening_hours
from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.deadlines.promise import storable
from collective.servicedesk.history import record
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from zope.annotation.interfaces import IAnnotations

ANNOTATION_KEY = "collective.servicedesk.deadline_pause"
# History actions that mean "the citizen answered".
CITIZEN_ACTIONS = ("citizen_information",)


def business_hours(start: datetime, end: datetime) -> float:
    """Opening hours (holidays skipped) between ``start`` and ``end``."""
    start, end = to_local(start), to_local(end)
    if end <= start:
        return 0.0
    week = opening_hours()
    if not week:
        return (end - start).total_seconds() / 3600
    total = timedelta()
    day = start.date()
    while day <= end.date():
        window = _window(day, week)
        if window is not None:
            begin, finish = max(window[0], start), min(window[1], end)
            if begin < finish:
                total += finish - begin
        day += timedelta(days=1)
    return total.total_seconds() / 3600


def pause_info(obj) -> dict:
    """{"since": UTC datetime or None, "paused_hours": total hours paused so far}."""
    info = IAnnotations(obj).get(ANNOTATION_KEY) or {}
    return {"since": info.get("since"), "paused_hours": info.get("paused_hours", 0.0)}


def is_waiting(obj) -> bool:
    """True while the inquiry waits for the citizen."""
    return pause_info(obj)["since"] is not None


def pause(obj, reason: str = "", now: datetime | None = None) -> bool:
    """Stop the clock; False if it already stands still."""
    info = pause_info(obj)
    if info["since"] is not None:
        return False
    info["since"] = (now or datetime.now(UTC)).astimezone(UTC)
    IAnnotations(obj)[ANNOTATION_KEY] = info
    record(obj, "waiting_for_citizen", comment=reason)
    return True


def resume(obj, reason: str = "", now: datetime | None = None) -> float | None:
    """Restart the clock and move the due date on; return the hours paused (or None)."""
    info = pause_info(obj)
    since = info["since"]
    if since is None:
        return None
    now = (now or datetime.now(UTC)).astimezone(UTC)
    hours = business_hours(since, now)
    due = getattr(obj, "due_date", None)
    if due is not None and hours > 0:
        obj.due_date = storable(compute_due_date(due, hours))
        if hasattr(obj, "reindexObject"):
            obj.reindexObject(idxs=["due_date"])
    IAnnotations(obj)[ANNOTATION_KEY] = {
        "since": None,
        "paused_hours": info["paused_hours"] + hours,
    }
    record(
        obj,
        "clock_resumed",
        comment=reason,
        changes={"paused_hours": round(hours, 2)},
    )
    return hours


def on_history(obj, event) -> None:
    """The citizen answered: resume a paused clock."""
    if event.entry.get("action") in CITIZEN_ACTIONS and is_waiting(obj):
        resume(obj)
