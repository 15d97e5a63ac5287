"""Default view of an Inquiry: summary, classification, requester, handling.

It lives with the inquiry workspace (not in ``content/``) because it shows the
deadline pause and people's names, which sit in layers above the types.
"""

from collective.servicedesk import _
from collective.servicedesk.content.views import state_title
from collective.servicedesk.content.views import term_title
from collective.servicedesk.deadlines.pause import is_waiting
from collective.servicedesk.directory.names import person_name
from collective.servicedesk.directory.names import unit_title
from collective.servicedesk.localtime import format_local
from plone import api
from Products.Five.browser import BrowserView


class InquiryView(BrowserView):
    """Show an inquiry: summary, classification, requester, handling, records."""

    def term(self, vocabulary_name: str, field: str) -> str | None:
        return term_title(vocabulary_name, self.context, getattr(self.context, field))

    @property
    def review_state(self) -> str:
        return state_title(self.context, api.content.get_state(self.context))

    def due_date(self) -> str | None:
        """The due date in the site's time zone."""
        return format_local(self.context.due_date) or None

    def handler_name(self) -> str:
        return person_name(self.context.responsible_handler)

    def unit_name(self) -> str:
        return unit_title(self.context.responsible_unit)

    def waiting(self) -> bool:
        return is_waiting(self.context)

    def can_modify(self) -> bool:
        """Whether the user may work on the inquiry (reassign, follow-up code)."""
        return api.user.has_permission("Modify portal content", obj=self.context)

    def show_requester(self) -> bool:
        """Anonymous inquiries have no requester data to show."""
        return not self.context.anonymous

    def yes_no(self, value: bool) -> str:
        return _("label_yes", default="Yes") if value else _("label_no", default="No")
