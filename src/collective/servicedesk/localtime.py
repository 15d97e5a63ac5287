"""One time zone for everything shown: the site's (registry ``plone.portal_timezone``).

Times are stored in UTC (or any aware zone); every page, export and notice
formats them with these functions, so no place shows UTC by accident.
"""

from AccessControl import ModuleSecurityInfo
from DateTime import DateTime
from datetime import UTC
from datetime import date
from datetime import datetime
from plone import api
from zoneinfo import ZoneInfo

# Page templates may call format_local through ``modules``.
ModuleSecurityInfo("collective.servicedesk.localtime").declarePublic("format_local")

FALLBACK = "Europe/Oslo"
DATE_TIME = "%d.%m.%Y %H:%M"
DATE = "%d.%m.%Y"


def site_timezone() -> ZoneInfo:
    """The site's time zone; Europe/Oslo when unset or unknown."""
    try:
        name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    except Exception:  # noqa: BLE001 - no site (scripts): use the fallback
        name = None
    try:
        return ZoneInfo(name or FALLBACK)
    except (ValueError, KeyError):
        return ZoneInfo(FALLBACK)


def aware(value) -> datetime | None:
    """An aware datetime from a datetime, Zope DateTime or ISO string (naive = UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, DateTime):
        value = value.asdatetime()
    elif isinstance(value, str):
        try:
            value = DateTime(value).asdatetime()
        except Exception:  # noqa: BLE001 - unparsable means "no time"
            return None
    elif isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=site_timezone())
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def local(value) -> datetime | None:
    """``value`` in the site's time zone."""
    when = aware(value)
    return when.astimezone(site_timezone()) if when else None


def format_local(value, time: bool = True) -> str:
    """Local date (and time), e.g. ``10.12.2026 14:58``; "" for no value."""
    when = local(value)
    if when is None:
        return ""
    return when.strftime(DATE_TIME if time else DATE)


def iso_local(value) -> str:
    """ISO 8601 with the site's offset, for ``<time datetime>`` and REST."""
    when = local(value)
    return when.isoformat() if when else ""
