"""Records-system link, object of the inquiry and the confidentiality flag."""

from collective.servicedesk import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IRecords(model.Schema):
    """Archive-worthiness, the Noark 5 case, and what the inquiry concerns."""

    model.fieldset(
        "records",
        label=_("fieldset_records", default="Case and object"),
        fields=[
            "archive_worthy",
            "case_number",
            "registry_entry_id",
            "object_type",
            "object_value",
        ],
    )

    archive_worthy = schema.Bool(
        title=_("field_archive_worthy", default="Archive-worthy"),
        description=_(
            "help_archive_worthy",
            default="Must be filed in the records system (archive law).",
        ),
        required=False,
        default=False,
    )

    case_number = schema.TextLine(
        title=_("field_case_number", default="Records-system case number"),
        description=_("help_case_number", default="For example 2026/1234."),
        required=False,
    )

    registry_entry_id = schema.TextLine(
        title=_("field_registry_entry_id", default="Registry entry id"),
        required=False,
    )

    object_type = schema.Choice(
        title=_("field_object_type", default="Object type"),
        vocabulary="collective.servicedesk.ObjectTypes",
        required=False,
    )

    object_value = schema.TextLine(
        title=_("field_object_value", default="Object"),
        description=_(
            "help_object_value",
            default="Property (gnr/bnr, e.g. 12/345), address or organisation number.",
        ),
        required=False,
    )


@provider(IFormFieldProvider)
class IConfidentiality(model.Schema):
    """Duty of confidentiality."""

    confidential = schema.Bool(
        title=_("field_confidential", default="Confidential"),
        description=_(
            "help_confidential",
            default="Subject to the duty of confidentiality: only the assignee, "
            "people named on the inquiry and leads can read it.",
        ),
        required=False,
        default=False,
    )
