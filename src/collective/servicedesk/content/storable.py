"""Datetime attributes that are always safe to store in the ZODB."""

from datetime import UTC
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo
import pytz


def storable(value: Any) -> Any:
    """Return ``value`` with a picklable time zone (ZODB cannot pickle zoneinfo)."""
    if not isinstance(value, datetime) or not isinstance(value.tzinfo, ZoneInfo):
        return value
    key = value.tzinfo.key
    zone = pytz.timezone(key) if key in pytz.all_timezones_set else UTC
    return value.astimezone(zone)


class StorableDatetime:
    """Data descriptor converting zoneinfo datetimes on assignment."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        obj._p_activate()
        try:
            return obj.__dict__[self.name]
        except KeyError:
            # Falls back to the schema default (DexterityContent.__getattr__).
            raise AttributeError(self.name) from None

    def __set__(self, obj: Any, value: Any) -> None:
        obj._p_activate()
        obj.__dict__[self.name] = storable(value)
        obj._p_changed = True

    def __delete__(self, obj: Any) -> None:
        obj._p_activate()
        if obj.__dict__.pop(self.name, None) is None:
            raise AttributeError(self.name)
        obj._p_changed = True
