"""Chat with citizens (prefix ``collective.servicedesk.chat``): off by default."""

from collective.servicedesk import _
from zope import schema
from zope.interface import Interface


class IChatSettings(Interface):
    """Chat with citizens: off by default; limits of anonymous sessions."""

    citizen_chat = schema.Bool(
        title=_("chat_setting_citizen_chat", default="Chat with citizens"),
        description=_(
            "chat_setting_citizen_chat_help",
            default="Show a chat button on the citizen pages while someone is "
            "on duty at the front desk.",
        ),
        default=False,
        required=False,
    )
    max_message_chars = schema.Int(
        title=_("chat_setting_max_message", default="Longest citizen message"),
        description=_(
            "chat_setting_max_message_help",
            default="Characters per message in an anonymous chat.",
        ),
        default=1000,
        min=100,
        max=10000,
        required=True,
    )
    messages_per_minute = schema.Int(
        title=_("chat_setting_rate", default="Citizen messages per minute"),
        default=10,
        min=1,
        max=120,
        required=True,
    )
