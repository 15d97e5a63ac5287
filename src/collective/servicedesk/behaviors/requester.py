"""Who asked: all optional, and nothing at all for an anonymous inquiry."""

from collective.servicedesk import _
from collective.servicedesk.validation import is_email
from collective.servicedesk.validation import is_phone
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider

# Personal data of the requester: cleared for anonymous inquiries, never
# indexed for full text, never written into the history.
PERSONAL_FIELDS = (
    "requester_name",
    "requester_phone",
    "requester_email",
    "requester_organisation",
)


@provider(IFormFieldProvider)
class IRequester(model.Schema):
    """The requester and how they want the answer."""

    model.fieldset(
        "requester",
        label=_("fieldset_requester", default="Requester"),
        fields=["anonymous", *PERSONAL_FIELDS, "reply_channel"],
    )

    anonymous = schema.Bool(
        title=_("field_anonymous", default="Anonymous"),
        description=_(
            "help_anonymous",
            default="The requester does not want to be registered. "
            "No personal data is stored.",
        ),
        required=False,
        default=False,
    )

    requester_name = schema.TextLine(
        title=_("field_requester_name", default="Requester's name"),
        required=False,
    )

    requester_phone = schema.TextLine(
        title=_("field_requester_phone", default="Requester's phone"),
        required=False,
        constraint=is_phone,
    )

    requester_email = schema.TextLine(
        title=_("field_requester_email", default="Requester's e-mail"),
        required=False,
        constraint=is_email,
    )

    requester_organisation = schema.TextLine(
        title=_("field_requester_organisation", default="Requester's organisation"),
        required=False,
    )

    reply_channel = schema.Choice(
        title=_("field_reply_channel", default="Preferred reply channel"),
        vocabulary="collective.servicedesk.ReplyChannels",
        required=False,
    )
