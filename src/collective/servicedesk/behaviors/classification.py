"""What an inquiry is about: channel, category, tags and service level."""

from collective.servicedesk import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IClassification(model.Schema):
    """How the inquiry came in and where it belongs."""

    channel = schema.Choice(
        title=_("field_channel", default="Channel"),
        vocabulary="collective.servicedesk.Channels",
        required=False,
    )

    category = schema.Choice(
        title=_("field_category", default="Category"),
        vocabulary="collective.servicedesk.Categories",
        required=False,
    )

    tags = schema.List(
        title=_("field_tags", default="Tags"),
        description=_("help_tags", default="Free keywords, one per line."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )

    service_level = schema.Choice(
        title=_("field_service_level", default="Service level"),
        vocabulary="collective.servicedesk.ServiceLevels",
        required=False,
    )
