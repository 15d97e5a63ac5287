"""Vocabulary of the inquiry fields an admin may make required."""

from collective.servicedesk import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

# Field name -> label. The inquiry issue adds the fields; names are stable API.
INQUIRY_FIELDS = (
    ("channel", _("field_channel", default="Channel")),
    ("title", _("field_summary", default="Summary")),
    ("description", _("field_description", default="Description")),
    ("category", _("field_category", default="Category")),
    ("service_level", _("field_service_level", default="Service level")),
    ("requester_name", _("field_requester_name", default="Requester's name")),
    ("requester_phone", _("field_requester_phone", default="Requester's phone")),
    ("requester_email", _("field_requester_email", default="Requester's e-mail")),
    ("responsible_unit", _("field_responsible_unit", default="Responsible unit")),
    ("responsible_handler", _("field_responsible_handler", default="Handler")),
    ("due_date", _("field_due_date", default="Due date")),
    ("case_number", _("field_case_number", default="Records-system case number")),
)


@provider(IVocabularyFactory)
def inquiry_fields(context=None) -> SimpleVocabulary:
    """Return the fields that can be made required."""
    return SimpleVocabulary(
        [
            SimpleTerm(value=name, token=name, title=title)
            for name, title in INQUIRY_FIELDS
        ]
    )
