"""Opening hours: parse the control panel lines ("mon 08:00-15:30") into a week."""

from collective.servicedesk import _
from collective.servicedesk.settings.deadlines import IDeadlineSettings
from datetime import time
from zope.schema import ValidationError
import re

# The default week is the setting's default (one list, not two).
DEFAULT_OPENING_HOURS = IDeadlineSettings["opening_hours"].default

# English and Norwegian (Bokmål/Nynorsk) day names and abbreviations.
WEEKDAYS = {
    0: ("mon", "monday", "man", "mandag", "måndag"),
    1: ("tue", "tuesday", "tir", "tirsdag", "tys", "tysdag"),
    2: ("wed", "wednesday", "ons", "onsdag"),
    3: ("thu", "thursday", "tor", "torsdag"),
    4: ("fri", "friday", "fre", "fredag"),
    5: ("sat", "saturday", "lør", "lørdag", "lau", "laurdag"),
    6: ("sun", "sunday", "søn", "søndag", "sundag"),
}
DAY_NAMES = {name: day for day, names in WEEKDAYS.items() for name in names}
LINE_RE = re.compile(
    r"^\s*(?P<day>[^\W\d_]+)\.?\s+(?P<start>\d{1,2}[:.]\d{2})\s*[-–]\s*"
    r"(?P<end>\d{1,2}[:.]\d{2})\s*$"
)

Week = dict[int, tuple[time, time]]


class InvalidOpeningHours(ValidationError):
    __doc__ = _(
        "error_opening_hours",
        default='Write one open day per line as "day HH:MM-HH:MM", for example '
        '"mon 08:00-15:30", with the closing time after the opening time and '
        "each day only once.",
    )


def _parse_time(text: str) -> time:
    """Return the time of "8:00", "08.00" or "15:30"."""
    hour, minute = (int(part) for part in re.split(r"[:.]", text))
    if hour == 24 and minute == 0:
        return time.max
    return time(hour, minute)


def parse_opening_hours(lines: list[str] | tuple[str, ...] | None) -> Week:
    """Return {weekday (0 = Monday): (opens, closes)}; raise InvalidOpeningHours."""
    week: Week = {}
    for line in lines or ():
        if not line or not line.strip():
            continue
        match = LINE_RE.match(line.lower())
        day = DAY_NAMES.get(match.group("day")) if match else None
        if day is None or day in week:
            raise InvalidOpeningHours(line)
        try:
            opens = _parse_time(match.group("start"))
            closes = _parse_time(match.group("end"))
        except ValueError as error:
            raise InvalidOpeningHours(line) from error
        if closes <= opens:
            raise InvalidOpeningHours(line)
        week[day] = (opens, closes)
    return week


def valid_opening_hours(value: list[str] | None) -> bool:
    """Field constraint of the control panel's opening hours."""
    parse_opening_hours(value)
    return True
