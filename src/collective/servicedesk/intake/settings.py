"""Registry records of the mail intake limits (see ``limits.py``)."""

from collective.servicedesk import _
from collective.servicedesk.intake.limits import DEFAULT_MAX_DEPTH
from collective.servicedesk.intake.limits import DEFAULT_MAX_MEGABYTES
from collective.servicedesk.intake.limits import DEFAULT_MAX_PARTS
from collective.servicedesk.intake.limits import PREFIX
from zope import schema
from zope.interface import Interface

__all__ = ["PREFIX", "IMailIntakeSettings"]


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
