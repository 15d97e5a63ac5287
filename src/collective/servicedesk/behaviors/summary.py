"""Summary and description of an inquiry (both optional: tally mode has no text)."""

from collective.servicedesk import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class ISummary(model.Schema):
    """Title and description, optional unlike plone.basic."""

    title = schema.TextLine(
        title=_("field_summary", default="Summary"),
        description=_(
            "help_summary",
            default="A few words on what the inquiry is about. "
            "Do not write the requester's name here.",
        ),
        required=False,
        default="",
    )

    description = schema.Text(
        title=_("field_description", default="Description"),
        required=False,
        default="",
        missing_value="",
    )
