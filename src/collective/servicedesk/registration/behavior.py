"""The tally flag: an inquiry counted with one click, without any text."""

from collective.servicedesk import _
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class ITally(model.Schema):
    """Marks inquiries registered in tally mode (sample-week counting)."""

    directives.omitted("tally")
    tally = schema.Bool(
        title=_("field_tally", default="Tally count"),
        description=_(
            "help_tally",
            default="Counted in tally mode: category and channel only, no text.",
        ),
        required=False,
        default=False,
    )
