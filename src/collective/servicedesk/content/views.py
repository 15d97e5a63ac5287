"""Default view of the Service Desk (the Inquiry's is in ``timeline/browser``)."""

from collective.servicedesk import _
from collective.servicedesk.directory.names import principal_name
from plone import api
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

# How many inquiries the plain desk view lists (newest first).
DESK_LIMIT = 50


def term_title(vocabulary_name: str, context, value) -> str | None:
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
