"""Personal free text of an inquiry, removed when the inquiry is anonymised."""

from collective.servicedesk import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IPersonalData(model.Schema):
    """Free text the agent marks as personal."""

    model.fieldset(
        "requester",
        label=_("fieldset_requester", default="Requester"),
        fields=["personal_notes", "free_text_personal"],
    )

    personal_notes = schema.Text(
        title=_("field_personal_notes", default="Personal details"),
        description=_(
            "help_personal_notes",
            default="Details about the requester that the case needs (for example "
            "their situation). Never searchable; removed when personal data is "
            "anonymised.",
        ),
        required=False,
        default="",
        missing_value="",
    )

    free_text_personal = schema.Bool(
        title=_("field_free_text_personal", default="Summary and texts are personal"),
        description=_(
            "help_free_text_personal",
            default="Tick if the summary, description or answer names or describes "
            "the requester: they are then removed too when the inquiry is "
            "anonymised.",
        ),
        required=False,
        default=False,
    )
