"""Intake: what registering needs, the mailbox, and the limits on incoming e-mail."""

from collective.servicedesk import _
from zope import schema
from zope.interface import Interface

DEFAULT_MAX_PARTS = 200
DEFAULT_MAX_DEPTH = 10
DEFAULT_MAX_MEGABYTES = 25


class IIntakeSettings(Interface):
    """Registration and the mail intake's mailbox (fieldset "Intake")."""

    required_fields = schema.List(
        title=_("label_required_fields", default="Required inquiry fields"),
        description=_(
            "help_required_fields",
            default="Fields an agent must fill in to register an inquiry. Keep the "
            "list short: every required field costs time at the front desk.",
        ),
        value_type=schema.Choice(
            vocabulary="collective.servicedesk.InquiryFields",
        ),
        required=False,
        unique=True,
        default=["channel", "title"],
    )

    imap_host = schema.TextLine(
        title=_("label_imap_host", default="Mailbox server (IMAP)"),
        description=_(
            "help_imap_host",
            default="IMAP server of the service desk mailbox, polled by the "
            "mail intake command. The password is read from the environment "
            "variable SERVICEDESK_IMAP_PASSWORD, never stored here.",
        ),
        required=False,
        default="",
    )

    imap_port = schema.Int(
        title=_("label_imap_port", default="Mailbox port"),
        required=True,
        default=993,
        min=1,
        max=65535,
    )

    imap_user = schema.TextLine(
        title=_("label_imap_user", default="Mailbox user"),
        required=False,
        default="",
    )

    imap_folder = schema.TextLine(
        title=_("label_imap_folder", default="Mailbox folder"),
        required=False,
        default="INBOX",
    )


class IMailIntakeSettings(Interface):
    """How large and complex an incoming e-mail may be."""

    max_parts = schema.Int(
        title=_("label_mail_max_parts", default="Most MIME parts of an e-mail"),
        description=_(
            "help_mail_max_parts",
            default="An e-mail with more parts (text, attachments, nested "
            "messages) is refused.",
        ),
        default=DEFAULT_MAX_PARTS,
        min=1,
        max=100000,
    )

    max_depth = schema.Int(
        title=_("label_mail_max_depth", default="Deepest nesting of an e-mail"),
        description=_(
            "help_mail_max_depth",
            default="An e-mail whose parts are nested deeper is refused.",
        ),
        default=DEFAULT_MAX_DEPTH,
        min=1,
        max=1000,
    )

    max_megabytes = schema.Int(
        title=_("label_mail_max_megabytes", default="Largest e-mail (MB)"),
        description=_(
            "help_mail_max_megabytes",
            default="A larger e-mail is refused; the mail poller does not "
            "even download it.",
        ),
        default=DEFAULT_MAX_MEGABYTES,
        min=1,
        max=1024,
    )
