"""Translated labels of the due states, for lists, panels and the inquiry view."""

from collective.servicedesk import _
from zope.i18nmessageid import Message

STATE_LABELS = {
    "none": _("due_state_none", default="No due date"),
    "ok": _("due_state_ok", default="On time"),
    "due_soon": _("due_state_due_soon", default="Due soon"),
    "overdue": _("due_state_overdue", default="Overdue"),
    "done": _("due_state_done", default="Done"),
    "waiting": _("due_state_waiting", default="Waiting for the citizen"),
}
# Workflow states in which the deadline no longer runs.
DONE_STATES = ("answered", "closed", "filed")


def state_label(state: str) -> Message:
    """Return the translatable label of a due state."""
    return STATE_LABELS.get(state, STATE_LABELS["none"])
