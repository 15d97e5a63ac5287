"""Deadlines: service promises counted in business hours, Norwegian holidays skipped."""

from collective.servicedesk.deadlines.calendar import compute_due_date
from collective.servicedesk.deadlines.calendar import due_state
from collective.servicedesk.deadlines.calendar import is_holiday
from collective.servicedesk.deadlines.labels import state_label
from collective.servicedesk.deadlines.promise import override_due_date

__all__ = [
    "compute_due_date",
    "due_state",
    "is_holiday",
    "override_due_date",
    "state_label",
]
