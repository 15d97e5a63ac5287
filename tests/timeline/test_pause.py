"""Waiting for the citizen pauses the service-promise clock; their answer resumes it."""

from collective.servicedesk.deadlines.pause import business_hours
from collective.servicedesk.deadlines.pause import is_waiting
from collective.servicedesk.deadlines.pause import pause
from collective.servicedesk.deadlines.pause import resume
from collective.servicedesk.history import record
from datetime import datetime
from zoneinfo import ZoneInfo
import pytz

OSLO = ZoneInfo("Europe/Oslo")


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


class TestBusinessHours:
    def test_within_one_day(self):
        assert business_hours(oslo(2026, 3, 2, 9), oslo(2026, 3, 2, 11)) == 2.0

    def test_over_night_and_weekend(self):
        # Fri 14:00 -> Mon 09:00: 1.5 h on Friday, 1 h on Monday.
        assert business_hours(oslo(2026, 3, 6, 14), oslo(2026, 3, 9, 9)) == 2.5

    def test_holiday_skipped(self):
        # 1 May 2026 is a Friday and a public holiday.
        assert business_hours(oslo(2026, 4, 30, 15), oslo(2026, 5, 4, 8, 30)) == 1.0


class TestPause:
    def test_due_date_moves_by_the_paused_business_hours(self, inquiry):
        inquiry.due_date = pytz.timezone("Europe/Oslo").localize(
            datetime(2026, 3, 4, 12, 0)
        )
        pause(inquiry, "Mangler kart", now=oslo(2026, 3, 2, 9))
        assert is_waiting(inquiry)
        # Mon 09:00 -> Tue 10:00 = 6.5 + 2 = 8.5 business hours.
        assert resume(inquiry, now=oslo(2026, 3, 3, 10)) == 8.5
        # Wed 12:00 + 8.5 h: 3.5 h left on Wednesday, 5 h on Thursday -> 13:00.
        assert inquiry.due_date.astimezone(OSLO) == oslo(2026, 3, 5, 13, 0)
        assert not is_waiting(inquiry)

    def test_citizen_answer_resumes(self, inquiry):
        pause(inquiry)
        record(inquiry, "citizen_information", comment="Her er kartet")
        assert not is_waiting(inquiry)

    def test_other_history_does_not_resume(self, inquiry):
        pause(inquiry)
        record(inquiry, "edited")
        assert is_waiting(inquiry)
