"""Mail & letters: the sender of e-mails, the letterhead and the SMS gateway."""

from collective.servicedesk import _
from collective.servicedesk.validation import is_email
from zope import schema
from zope.interface import Interface


class IMailSettings(Interface):
    """How the service desk writes to people (fieldset "Mail & letters")."""

    sender_name = schema.TextLine(
        title=_("label_sender_name", default="Sender name"),
        description=_(
            "help_sender_name",
            default="Name shown as the sender of e-mails from the service desk.",
        ),
        required=False,
        default="Servicetorget",
    )

    sender_address = schema.ASCIILine(
        title=_("label_sender_address", default="Sender e-mail address"),
        description=_(
            "help_sender_address",
            default="Address used as sender and reply-to of service desk e-mails. "
            "Leave empty to use the site's e-mail address.",
        ),
        required=False,
        default="",
        constraint=is_email,
    )

    letterhead_name = schema.TextLine(
        title=_("label_letterhead_name", default="Municipality name"),
        description=_(
            "help_letterhead_name",
            default="Printed at the top of letters to citizens.",
        ),
        required=False,
        default="Demo kommune",
    )

    letterhead_address = schema.Text(
        title=_("label_letterhead_address", default="Letterhead address"),
        description=_(
            "help_letterhead_address",
            default="Postal address, phone and web address printed under the "
            "name on letters; one line each.",
        ),
        required=False,
        default="",
    )

    letterhead_logo_text = schema.TextLine(
        title=_("label_letterhead_logo_text", default="Logo text"),
        description=_(
            "help_letterhead_logo_text",
            default="Short text printed as the logo of the letterhead, for "
            "example the municipality's name in capitals.",
        ),
        required=False,
        default="",
    )

    sms_gateway = schema.Choice(
        title=_("label_sms_gateway", default="SMS gateway"),
        description=_(
            "help_sms_gateway",
            default='How SMS replies are sent. "Log only" writes them to the '
            "event log instead of sending them: for development and tests.",
        ),
        vocabulary="collective.servicedesk.SMSGateways",
        required=True,
        default="log",
    )

    sms_gateway_url = schema.URI(
        title=_("label_sms_gateway_url", default="SMS gateway URL"),
        description=_(
            "help_sms_gateway_url_env",
            default="Address the HTTP gateway posts each message to, as JSON. "
            "Its bearer token is read from the environment variable "
            "SERVICEDESK_SMS_TOKEN, never stored here.",
        ),
        required=False,
    )

    sms_sender_id = schema.TextLine(
        title=_("label_sms_sender_id", default="SMS sender"),
        description=_(
            "help_sms_sender_id",
            default="Name or number shown as the sender on the citizen's phone "
            "(at most 11 letters, or a phone number).",
        ),
        required=False,
        default="",
        max_length=15,
    )
