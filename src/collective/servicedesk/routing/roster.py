"""The on-duty roster: who answers which categories in which period.

Periods live in an OOBTree keyed "<end in UTC>-<random>", so "who is on duty
now?" scans only the periods that have not ended yet, however long the history.
"""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.routing.principals import expand_users
from datetime import UTC
from datetime import datetime
from plone import api
from zoneinfo import ZoneInfo
import uuid

ANNOTATION_KEY = "collective.servicedesk.roster"
KEY_FORMAT = "%Y%m%dT%H%M%S"


def _storage(create: bool = False) -> OOBTree | None:
    return portal_storage(ANNOTATION_KEY, create=create)


def portal_timezone() -> ZoneInfo:
    """The site's time zone (registry plone.portal_timezone), UTC if unset."""
    name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    try:
        return ZoneInfo(name or "UTC")
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def to_utc(when: datetime | None) -> datetime:
    """Aware UTC datetime; a naive one is read in the site's time zone."""
    if when is None:
        return datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=portal_timezone())
    return when.astimezone(UTC)


def add_period(
    user_id: str,
    categories: list[str],
    start: datetime,
    end: datetime,
    note: str = "",
) -> str:
    """Add a duty period and return its id; raise ValueError on bad input."""
    start, end = to_utc(start), to_utc(end)
    if not user_id:
        raise ValueError("A duty period needs a person.")
    if not categories:
        raise ValueError("A duty period needs at least one category.")
    if end <= start:
        raise ValueError("A duty period must end after it starts.")
    period_id = f"{end.strftime(KEY_FORMAT)}-{uuid.uuid4().hex[:12]}"
    _storage(create=True)[period_id] = {
        "id": period_id,
        "user": user_id,
        "categories": tuple(dict.fromkeys(categories)),
        "start": start,
        "end": end,
        "note": (note or "").strip(),
    }
    return period_id


def remove_period(period_id: str) -> bool:
    """Remove a period; return False if it did not exist."""
    tree = _storage()
    if tree is None or period_id not in tree:
        return False
    del tree[period_id]
    return True


def get_period(period_id: str) -> dict | None:
    """Return one period (a copy) or None."""
    tree = _storage()
    record = tree.get(period_id) if tree is not None else None
    return dict(record) if record is not None else None


def list_periods(
    start: datetime | None = None, end: datetime | None = None
) -> list[dict]:
    """Periods overlapping [start, end) (all if not given), sorted by start."""
    tree = _storage()
    if tree is None:
        return []
    items = (
        tree.values(min=to_utc(start).strftime(KEY_FORMAT)) if start else tree.values()
    )
    end_utc = to_utc(end) if end else None
    start_utc = to_utc(start) if start else None
    periods = [
        dict(p)
        for p in items
        if (end_utc is None or p["start"] < end_utc)
        and (start_utc is None or p["end"] > start_utc)
    ]
    return sorted(periods, key=lambda p: (p["start"], p["user"]))


def on_duty(category: str | None, when: datetime | None = None) -> list[str]:
    """Return the user ids on duty for a category at a moment (default: now)."""
    if not category:
        return []
    moment = to_utc(when)
    tree = _storage()
    if tree is None:
        return []
    periods = sorted(
        (
            period
            for period in tree.values(min=moment.strftime(KEY_FORMAT))
            if period["start"] <= moment < period["end"]
            and category in period["categories"]
        ),
        key=lambda period: (period["start"], period["user"]),
    )
    # A roster entry may name a group ("the building desk"): expand it.
    return expand_users(dict.fromkeys(period["user"] for period in periods))
