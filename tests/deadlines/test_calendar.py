"""Business-hours deadlines across evenings, weekends and Norwegian holidays."""

from collective.servicedesk.deadlines import compute_due_date
from collective.servicedesk.deadlines import due_state
from collective.servicedesk.deadlines import is_holiday
from collective.servicedesk.deadlines.hours import InvalidOpeningHours
from collective.servicedesk.deadlines.hours import parse_opening_hours
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from zoneinfo import ZoneInfo
import pytest

OSLO = ZoneInfo("Europe/Oslo")


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


class TestComputeDueDate:
    @pytest.mark.parametrize(
        "start,hours,expected",
        [
            # Within one working day.
            (oslo(2026, 3, 2, 10, 0), 4, oslo(2026, 3, 2, 14, 0)),
            # Exactly until closing time stays on the same day.
            (oslo(2026, 3, 2, 8, 0), 7.5, oslo(2026, 3, 2, 15, 30)),
            # Evening: the rest runs into the next morning.
            (oslo(2026, 3, 2, 14, 0), 4, oslo(2026, 3, 3, 10, 30)),
            (oslo(2026, 3, 3, 18, 0), 1, oslo(2026, 3, 4, 9, 0)),
            # Early morning starts counting at opening time.
            (oslo(2026, 3, 3, 6, 0), 1, oslo(2026, 3, 3, 9, 0)),
            # Friday afternoon runs over the weekend.
            (oslo(2026, 3, 6, 14, 0), 4, oslo(2026, 3, 9, 10, 30)),
            # Registered on a Saturday: counting starts Monday morning.
            (oslo(2026, 3, 7, 12, 0), 2, oslo(2026, 3, 9, 10, 0)),
            # The default promise of 48 hours is 6.4 working days.
            (oslo(2026, 3, 2, 8, 0), 48, oslo(2026, 3, 10, 11, 0)),
            # Easter 2027: Maundy Thursday, Good Friday and Easter Monday are closed.
            (oslo(2027, 3, 24, 14, 0), 4, oslo(2027, 3, 30, 10, 30)),
            # 17 May 2027 (Constitution Day and Whit Monday).
            (oslo(2027, 5, 14, 15, 0), 1, oslo(2027, 5, 18, 8, 30)),
            # Ascension Day 2027 (Thursday 6 May).
            (oslo(2027, 5, 5, 15, 0), 1, oslo(2027, 5, 7, 8, 30)),
            # Christmas 2026: the 24th is an ordinary day, the 25th a holiday.
            (oslo(2026, 12, 24, 15, 0), 1, oslo(2026, 12, 28, 8, 30)),
            # New Year's Day 2027 is a Friday.
            (oslo(2026, 12, 31, 15, 0), 1, oslo(2027, 1, 4, 8, 30)),
            # 1 May 2026 is a Friday.
            (oslo(2026, 4, 30, 15, 0), 1, oslo(2026, 5, 4, 8, 30)),
            # Across the change to summer time (29 March 2026).
            (oslo(2026, 3, 27, 15, 0), 1, oslo(2026, 3, 30, 8, 30)),
        ],
    )
    def test_business_hours(self, start, hours, expected):
        result = compute_due_date(start, hours)
        assert result == expected
        assert result.tzinfo is not None
        assert (result.hour, result.minute) == (expected.hour, expected.minute)

    def test_utc_input_is_counted_in_oslo_time(self):
        # 07:00 UTC is 08:00 in Oslo in winter.
        start = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
        assert compute_due_date(start, 1) == oslo(2026, 3, 2, 9, 0)

    def test_summer_time_offset(self):
        result = compute_due_date(oslo(2026, 3, 27, 15, 0), 1)
        assert result.utcoffset() == timedelta(hours=2)

    def test_naive_input_is_oslo_wall_clock(self):
        assert compute_due_date(datetime(2026, 3, 2, 10, 0), 1) == oslo(2026, 3, 2, 11)

    def test_zero_hours_returns_start(self):
        start = oslo(2026, 3, 7, 12, 0)
        assert compute_due_date(start, 0) == start

    def test_custom_week_with_saturday(self):
        week = parse_opening_hours(["fri 08:00-16:00", "lør 10:00-14:00"])
        # Friday 15:00 + 3 h: 1 h on Friday, 2 h on Saturday.
        assert compute_due_date(oslo(2026, 3, 6, 15, 0), 3, week) == oslo(
            2026, 3, 7, 12, 0
        )

    def test_sunday_opening_counts(self):
        # The library is told not to list Sundays as holidays, so a desk that
        # opens on Sundays counts them.
        week = parse_opening_hours(["sun 12:00-16:00"])
        assert compute_due_date(oslo(2026, 3, 6, 9, 0), 2, week) == oslo(
            2026, 3, 8, 14, 0
        )

    def test_holiday_on_open_sunday_is_closed(self):
        # Easter Sunday 2027 is a public holiday even when Sundays are open.
        week = parse_opening_hours(["sun 12:00-16:00"])
        assert compute_due_date(oslo(2027, 3, 27, 9, 0), 1, week) == oslo(
            2027, 4, 4, 13, 0
        )

    def test_no_opening_hours_falls_back_to_calendar_hours(self):
        start = oslo(2026, 3, 7, 12, 0)
        assert compute_due_date(start, 5, {}) == start + timedelta(hours=5)


class TestHolidays:
    @pytest.mark.parametrize(
        "day,expected",
        [
            (date(2027, 3, 25), True),  # Maundy Thursday
            (date(2027, 3, 26), True),  # Good Friday
            (date(2027, 3, 28), True),  # Easter Sunday
            (date(2027, 3, 29), True),  # Easter Monday
            (date(2027, 5, 17), True),  # Constitution Day
            (date(2027, 5, 6), True),  # Ascension Day
            (date(2026, 12, 25), True),  # Christmas Day
            (date(2026, 12, 26), True),  # Boxing Day
            (date(2027, 1, 1), True),  # New Year's Day
            (date(2026, 5, 1), True),  # Labour Day
            (date(2026, 12, 24), False),  # Christmas Eve is a working day
            (date(2027, 1, 3), False),  # an ordinary Sunday is not a holiday
            (date(2027, 3, 30), False),
        ],
    )
    def test_is_holiday(self, day, expected):
        assert is_holiday(day) is expected


class TestDueState:
    now = oslo(2026, 3, 6, 14, 0)  # a Friday afternoon

    @pytest.mark.parametrize(
        "due,expected",
        [
            (None, "none"),
            (oslo(2026, 3, 6, 13, 59), "overdue"),
            (oslo(2026, 3, 6, 14, 0), "overdue"),
            (oslo(2026, 3, 6, 15, 0), "due_soon"),
            # Monday 10:00 is only 3.5 business hours away.
            (oslo(2026, 3, 9, 10, 0), "due_soon"),
            (oslo(2026, 3, 9, 10, 30), "due_soon"),
            (oslo(2026, 3, 9, 12, 0), "ok"),
        ],
    )
    def test_states(self, due, expected):
        assert due_state(due, self.now, lead_hours=4) == expected

    def test_default_lead_time_outside_a_site(self):
        assert due_state(oslo(2026, 3, 9, 10, 0), self.now) == "due_soon"

    def test_zope_datetime(self):
        from DateTime import DateTime

        assert due_state(DateTime("2026/03/06 12:00 GMT+1"), self.now) == "overdue"


class TestOpeningHours:
    @pytest.mark.parametrize(
        "line,expected",
        [
            ("mon 08:00-15:30", {0: (time(8), time(15, 30))}),
            ("Mandag 8.00 – 16.00", {0: (time(8), time(16))}),
            ("tys 09:00-15:00", {1: (time(9), time(15))}),
            ("Fri. 08:00-12:00", {4: (time(8), time(12))}),
            ("søn 00:00-24:00", {6: (time(0), time.max)}),
        ],
    )
    def test_valid(self, line, expected):
        assert parse_opening_hours([line]) == expected

    @pytest.mark.parametrize(
        "lines",
        [
            ["monday"],
            ["xyz 08:00-15:00"],
            ["mon 15:00-08:00"],
            ["mon 25:00-26:00"],
            ["mon 08:00-15:00", "man 09:00-10:00"],
        ],
    )
    def test_invalid(self, lines):
        with pytest.raises(InvalidOpeningHours):
            parse_opening_hours(lines)

    def test_blank_lines_are_ignored(self):
        assert parse_opening_hours(["", "  "]) == {}
