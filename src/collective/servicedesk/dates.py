"""Date helpers for catalog metadata (DateTime or datetime) and display."""

from DateTime import DateTime
from datetime import UTC
from datetime import datetime
from plone import api
from zoneinfo import ZoneInfo


def site_timezone() -> ZoneInfo:
    """The site's time zone (registry), Europe/Oslo when unset or unknown."""
    name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    try:
        return ZoneInfo(name or "Europe/Oslo")
    except (ValueError, KeyError):
        return ZoneInfo("Europe/Oslo")


def to_datetime(value) -> datetime | None:
    """Aware datetime from a metadata value (DateTime, datetime, ISO string)."""
    if value is None or value == "" or value == "None":
        return None
    if isinstance(value, DateTime):
        return value.asdatetime()
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        try:
            return to_datetime(DateTime(value))
        except Exception:  # noqa: BLE001 - any unparsable metadata means "no date"
            return None
    return None


def local(value) -> datetime | None:
    """The value in the site's time zone."""
    when = to_datetime(value)
    return when.astimezone(site_timezone()) if when else None


def short(value) -> str:
    """Compact local date and time, e.g. 24.03. 14:05."""
    when = local(value)
    return when.strftime("%d.%m. %H:%M") if when else ""


def iso(value) -> str:
    """ISO 8601 for a <time datetime> attribute."""
    when = to_datetime(value)
    return when.isoformat() if when else ""
