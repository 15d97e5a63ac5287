"""The Inquiry content type."""

from collective.servicedesk.content.confidentiality import ConfidentialRoles
from collective.servicedesk.content.storable import StorableDatetime
from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class IInquiry(model.Schema):
    """Marker schema of an inquiry; its fields come from named behaviours."""


@implementer(IInquiry)
class Inquiry(Item):
    """One inquiry at the service desk."""

    # Workflow-managed permissions: confidential inquiries drop the broad
    # staff roles here, whatever state or workflow update set them.
    _View_Permission = ConfidentialRoles("_View_Permission")
    _Access_contents_information_Permission = ConfidentialRoles(
        "_Access_contents_information_Permission"
    )
    _Modify_portal_content_Permission = ConfidentialRoles(
        "_Modify_portal_content_Permission"
    )
    _Delete_objects_Permission = ConfidentialRoles("_Delete_objects_Permission")

    # Writers may hand in zoneinfo-aware datetimes, which the ZODB cannot
    # pickle; store them with the equivalent pytz zone instead.
    due_date = StorableDatetime("due_date")

    def Title(self) -> str:
        """Return the summary, or the reference number of a tally inquiry."""
        return self.title or getattr(self, "reference_number", None) or ""
