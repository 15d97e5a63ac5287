"""The Inquiry content type."""

from collective.servicedesk.content.confidentiality import filter_permissions
from collective.servicedesk.content.guard import check_traversal
from collective.servicedesk.content.storable import StorableDatetime
from collective.servicedesk.interfaces import IKeepsHistory
from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class IInquiry(model.Schema, IKeepsHistory):
    """Marker schema of an inquiry; its fields come from named behaviours."""


# Workflow-managed permissions: confidential inquiries drop the broad staff
# roles from every one of them, whatever state or workflow update set them.
@filter_permissions
@implementer(IInquiry)
class Inquiry(Item):
    """One inquiry at the service desk."""

    # Writers may hand in zoneinfo-aware datetimes, which the ZODB cannot
    # pickle; store them with the equivalent pytz zone instead.
    due_date = StorableDatetime("due_date")

    def __before_publishing_traverse__(self, arg1, arg2=None):
        """Every route into an inquiry: 404 unless the requester may view it."""
        check_traversal(self, arg2 or arg1)
        return super().__before_publishing_traverse__(arg1, arg2)

    def Title(self) -> str:
        """Return the summary, or the reference number of a tally inquiry."""
        return self.title or getattr(self, "reference_number", None) or ""
