"""Default views of the Service Desk and the Inquiry."""

from collective.servicedesk import _
from collective.servicedesk.deadlines.pause import is_waiting
from collective.servicedesk.localtime import format_local
from collective.servicedesk.timeline.names import person_name
from collective.servicedesk.timeline.names import principal_name
from collective.servicedesk.timeline.names import unit_title
from plone import api
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

# How many inquiries the plain desk view lists (newest first).
DESK_LIMIT = 50


def _term_title(vocabulary_name: str, context, value) -> str | None:
    """Title of ``value`` in a named vocabulary, or the raw value."""
    if value is None or value == "":
        return None
    factory = getUtility(IVocabularyFactory, vocabulary_name)
    try:
        return factory(context).getTerm(value).title
    except LookupError:
        return value


def state_title(context, state_id: str) -> str:
    """Title of a workflow state of the inquiry workflow."""
    workflow = api.portal.get_tool("portal_workflow")["servicedesk_inquiry_workflow"]
    state = workflow.states.get(state_id)
    return _(state.title) if state is not None else state_id


class InquiryView(BrowserView):
    """Show an inquiry: summary, classification, requester, handling, records."""

    def term(self, vocabulary_name: str, field: str) -> str | None:
        return _term_title(vocabulary_name, self.context, getattr(self.context, field))

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


class ServiceDeskView(BrowserView):
    """A plain list of the newest inquiries (catalog metadata only)."""

    def inquiries(self) -> list:
        return api.content.find(
            context=self.context,
            portal_type="Inquiry",
            sort_on="created",
            sort_order="descending",
            sort_limit=DESK_LIMIT,
        )[:DESK_LIMIT]

    def state_title(self, state_id: str) -> str:
        return state_title(self.context, state_id)

    def responsible_name(self, brain) -> str:
        """The handler's full name, else the unit's translated title."""
        return principal_name(brain.responsible_handler) or principal_name(
            brain.responsible_unit
        )
