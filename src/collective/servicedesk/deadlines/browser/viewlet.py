"""Viewlet: the due date of an inquiry with its state (on time, due soon, overdue)."""

from collective.servicedesk.deadlines.calendar import due_state
from collective.servicedesk.deadlines.labels import DONE_STATES
from collective.servicedesk.deadlines.labels import state_label
from collective.servicedesk.deadlines.pause import is_waiting
from collective.servicedesk.deadlines.promise import deadline_info
from collective.servicedesk.deadlines.promise import is_inquiry
from collective.servicedesk.localtime import format_local
from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

BADGES = {
    "overdue": "bg-danger",
    "due_soon": "bg-warning text-dark",
    "ok": "bg-success",
    "done": "bg-secondary",
    "waiting": "bg-info text-dark",
}


class DueDateViewlet(ViewletBase):
    """Shows the due date and, to editors, a link to change it."""

    index = ViewPageTemplateFile("viewlet.pt")

    def available(self) -> bool:
        """Only on inquiries."""
        return is_inquiry(self.context)

    def render(self) -> str:
        return self.index() if self.available() else ""

    def due(self) -> str:
        """Return the due date as local text (empty without one)."""
        due = getattr(self.context, "due_date", None)
        return format_local(due)

    def state(self) -> str:
        """The due state; "done" once answered or closed, "waiting" while paused."""
        if api.content.get_state(self.context, default=None) in DONE_STATES:
            return "done"
        if is_waiting(self.context):
            return "waiting"
        return due_state(getattr(self.context, "due_date", None))

    def badge_class(self) -> str:
        """Return the CSS classes of the state badge."""
        state = self.state()
        return f"badge due-state-{state} " + BADGES.get(state, "bg-secondary")

    def label(self):
        return state_label(self.state())

    def reason(self) -> str:
        """Return the agent's reason when the date was set by hand."""
        return deadline_info(self.context).get("reason", "")

    def can_change(self) -> bool:
        return api.user.has_permission("Modify portal content", obj=self.context)
