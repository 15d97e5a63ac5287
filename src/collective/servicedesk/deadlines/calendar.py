"""Business-hours arithmetic: service promises counted in opening hours only."""

from collective.servicedesk import logger
from collective.servicedesk.deadlines.hours import DEFAULT_OPENING_HOURS
from collective.servicedesk.deadlines.hours import InvalidOpeningHours
from collective.servicedesk.deadlines.hours import Week
from collective.servicedesk.deadlines.hours import parse_opening_hours
from collective.servicedesk.settings import settings
from datetime import date
from datetime import datetime
from datetime import timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo
import holidays

# Norwegian holidays only make sense on Norwegian wall-clock time.
TIMEZONE = ZoneInfo("Europe/Oslo")
# A promise longer than this many calendar days is treated as a data error.
MAX_DAYS = 3 * 366


@lru_cache(maxsize=64)
def _holidays_for(year: int) -> frozenset[date]:
    """Return the Norwegian public holidays of `year` (Sundays not included)."""
    try:
        # The library can list every Sunday as a holiday for NO ("søndag");
        # we leave Sundays to the opening hours so a Sunday service stays possible.
        days = holidays.country_holidays("NO", years=year, include_sundays=False)
    except TypeError:  # older library versions without the flag
        days = holidays.country_holidays("NO", years=year)
        return frozenset(d for d, name in days.items() if name != "Søndag")
    return frozenset(days)


def is_holiday(day: date) -> bool:
    """True if `day` is a Norwegian public holiday."""
    return day in _holidays_for(day.year)


def opening_hours() -> Week:
    """Return the configured week of opening hours (the default if unset or broken)."""
    lines = settings().desk.opening_hours
    if lines is None:
        lines = DEFAULT_OPENING_HOURS
    try:
        return parse_opening_hours(lines)
    except InvalidOpeningHours:
        logger.warning("Invalid opening hours %r; using the default.", lines)
        return parse_opening_hours(DEFAULT_OPENING_HOURS)


def to_local(value: datetime) -> datetime:
    """Return `value` in Oslo time; naive values are taken as Oslo wall-clock time."""
    if hasattr(value, "asdatetime"):  # Zope DateTime, e.g. from catalog metadata
        value = value.asdatetime()
    if value.tzinfo is None:
        return value.replace(tzinfo=TIMEZONE)
    return value.astimezone(TIMEZONE)


def _window(day: date, week: Week) -> tuple[datetime, datetime] | None:
    """Return the opening and closing datetime of `day`, or None when closed."""
    hours = week.get(day.weekday())
    if hours is None or is_holiday(day):
        return None
    opens, closes = hours
    return (
        datetime.combine(day, opens, tzinfo=TIMEZONE),
        datetime.combine(day, closes, tzinfo=TIMEZONE),
    )


def compute_due_date(
    start: datetime, hours: float, week: Week | None = None
) -> datetime:
    """Return the moment `hours` business hours after `start` (Oslo time, aware)."""
    week = opening_hours() if week is None else week
    cursor = to_local(start)
    if hours <= 0:
        return cursor
    if not week:  # nothing is ever open: fall back to calendar hours
        return cursor + timedelta(hours=hours)
    remaining = timedelta(hours=hours)
    day = cursor.date()
    for _offset in range(MAX_DAYS):
        window = _window(day, week)
        if window is not None:
            opens, closes = window
            begin = max(cursor, opens)
            if begin < closes:
                available = closes - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
        day += timedelta(days=1)
        cursor = datetime.combine(day, datetime.min.time(), tzinfo=TIMEZONE)
    raise ValueError(f"No deadline within {MAX_DAYS} days for {hours} hours")


def due_state(
    due: datetime | None,
    now: datetime | None = None,
    lead_hours: float | None = None,
) -> str:
    """Return "none", "overdue", "due_soon" (within the lead time) or "ok"."""
    if due is None:
        return "none"
    now = to_local(now or datetime.now(TIMEZONE))
    due = to_local(due)
    if due <= now:
        return "overdue"
    if lead_hours is None:
        lead_hours = settings().desk.reminder_lead_hours
    if due <= compute_due_date(now, lead_hours):
        return "due_soon"
    return "ok"
