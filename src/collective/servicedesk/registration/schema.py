"""The fields of the quick registration form, taken from the inquiry's behaviours."""

from collective.servicedesk import _
from collective.servicedesk.behaviors.classification import IClassification
from collective.servicedesk.behaviors.handling import IResolution
from collective.servicedesk.behaviors.handling import IResponsibility
from collective.servicedesk.behaviors.records import IConfidentiality
from collective.servicedesk.behaviors.records import IRecords
from collective.servicedesk.behaviors.requester import IRequester
from collective.servicedesk.behaviors.summary import ISummary
from zope import schema
from zope.interface import Interface
import copy

DEFAULT_CHANNEL = "phone"

# Always visible: what an agent fills in for nearly every inquiry.
MAIN_FIELDS = ("channel", "title", "category", "description")
# Only used by "Register and close".
ANSWER_FIELDS = ("answer",)
# Collapsed under "More details"; a field the admin makes required moves up.
MORE_FIELDS = (
    "anonymous",
    "requester_name",
    "requester_phone",
    "requester_email",
    "requester_organisation",
    "reply_channel",
    "tags",
    "service_level",
    "object_type",
    "object_value",
    "due_date",
    "responsible_unit",
    "responsible_handler",
    "override_reason",
    "case_number",
    "registry_entry_id",
    "archive_worthy",
    "confidential",
)
PERSONAL_FIELDS = (
    "requester_name",
    "requester_phone",
    "requester_email",
    "requester_organisation",
    "reply_channel",
)


class IRoutingChoice(Interface):
    """The agent's own choice of unit and handler, overriding the suggestion."""

    responsible_unit = schema.Choice(
        title=_("field_responsible_unit", default="Responsible unit"),
        description=_(
            "help_routing_unit",
            default="Leave empty to use the suggested routing.",
        ),
        vocabulary="collective.servicedesk.registration.Units",
        required=False,
    )

    responsible_handler = schema.Choice(
        title=_("field_responsible_handler", default="Handler"),
        description=_(
            "help_routing_handler",
            default="Leave empty to use the suggested routing.",
        ),
        vocabulary="collective.servicedesk.registration.Handlers",
        required=False,
    )

    override_reason = schema.TextLine(
        title=_("field_override_reason", default="Reason for another routing"),
        description=_(
            "help_override_reason",
            default="Required when you choose another unit or handler than suggested.",
        ),
        required=False,
    )


def _channel_field():
    """The channel field with "phone" preselected: most inquiries are calls."""
    field = copy.copy(IClassification["channel"])
    field.default = DEFAULT_CHANNEL
    return field


def form_fields() -> list:
    """Return the schema fields of the form, in display order."""
    sources = {}
    for interface in (
        ISummary,
        IClassification,
        IRequester,
        IResponsibility,
        IResolution,
        IRecords,
        IConfidentiality,
        IRoutingChoice,  # last: replaces the plain id fields of IResponsibility
    ):
        for name in schema.getFieldNamesInOrder(interface):
            sources[name] = interface[name]
    sources["channel"] = _channel_field()
    return [sources[name] for name in (*MAIN_FIELDS, *ANSWER_FIELDS, *MORE_FIELDS)]
