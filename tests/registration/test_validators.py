"""The due date check shared by the form and REST."""

from collective.servicedesk.registration.validators import DueDateInPast
from collective.servicedesk.registration.validators import check_due_date
from datetime import UTC
from datetime import datetime
from datetime import timedelta
import pytest

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "value,previous,ok",
    [
        (None, None, True),
        (NOW + timedelta(hours=1), None, True),
        (NOW - timedelta(minutes=1), None, False),
        (NOW - timedelta(days=3), NOW - timedelta(days=3), True),  # unchanged: kept
        (
            NOW - timedelta(days=2),
            NOW - timedelta(days=3),
            False,
        ),  # changed to the past
        (datetime(2026, 3, 2, 9, 0), None, False),  # naive is read as UTC
        (datetime(2026, 3, 2, 11, 0), None, True),
    ],
)
def test_check_due_date(value, previous, ok):
    if ok:
        check_due_date(value, previous=previous, now=NOW)
    else:
        with pytest.raises(DueDateInPast):
            check_due_date(value, previous=previous, now=NOW)
