"""Workspace: the staff panels on every intranet page (prefix ``...workspace``)."""

from collective.servicedesk import _
from collective.servicedesk.settings.secrets import no_password_in_url
from zope import schema
from zope.interface import Interface


def _enabled(title, description) -> schema.Bool:
    return schema.Bool(
        title=title, description=description, required=False, default=True
    )


def _location(title) -> schema.Choice:
    return schema.Choice(
        title=title,
        vocabulary="collective.servicedesk.WorkspaceLocations",
        required=True,
        default="top",
    )


class IWorkspaceSettings(Interface):
    """Panels of the staff workspace shown on every intranet page."""

    quickbar_enabled = _enabled(
        _("label_quickbar_enabled", default="Show the quick registration bar"),
        _(
            "help_quickbar_enabled",
            default="Start registering a phone or visit inquiry from any page.",
        ),
    )
    quickbar_location = _location(
        _("label_quickbar_location", default="Place of the quick registration bar")
    )
    queue_enabled = _enabled(
        _("label_queue_enabled", default="Show my queue"),
        _(
            "help_queue_enabled",
            default="The count of my open inquiries with the next ones due.",
        ),
    )
    queue_location = _location(_("label_queue_location", default="Place of my queue"))
    presence_enabled = _enabled(
        _("label_presence_enabled", default="Show who is on duty and available"),
        _(
            "help_presence_enabled",
            default="The duty roster now, colleagues' availability and competence.",
        ),
    )
    presence_location = _location(
        _("label_presence_location", default="Place of the duty and availability panel")
    )
    messages_enabled = _enabled(
        _("label_messages_enabled", default="Show the message box indicator"),
        _("help_messages_enabled", default="Unread notices and messages."),
    )
    messages_location = _location(
        _("label_messages_location", default="Place of the message box indicator")
    )
    queue_size = schema.Int(
        title=_("label_queue_size", default="Inquiries listed in a panel"),
        description=_(
            "help_queue_size",
            default="How many of the next inquiries the queue panel lists.",
        ),
        required=True,
        default=5,
        min=1,
        max=50,
    )
    online_minutes = schema.Int(
        title=_("label_online_minutes", default="Online window (minutes)"),
        description=_(
            "help_online_minutes",
            default="A colleague counts as logged in when seen within this many "
            "minutes.",
        ),
        required=True,
        default=15,
        min=1,
        max=24 * 60,
    )
    redis_url = schema.ASCIILine(
        title=_("label_redis_url_shared", default="Redis URL for shared state"),
        description=_(
            "help_redis_url_shared_env",
            default="For example redis://127.0.0.1:6379/0, or rediss://… for TLS. "
            "Shares 'who is logged in', the citizen rate limits and used form "
            "stamps between all Zope processes. Leave empty to keep them in each "
            "process's memory (right only with a single process). A password "
            "never goes here: set the environment variable "
            "SERVICEDESK_REDIS_PASSWORD.",
        ),
        required=False,
        default="",
        constraint=no_password_in_url,
    )
