"""Registry records of the chat (prefix ``collective.servicedesk.chat``)."""

from collective.servicedesk import _
from zope import schema
from zope.interface import Interface

PREFIX = "collective.servicedesk.chat"


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


def chat_settings() -> dict:
    """The records' values, with the defaults where a record is missing."""
    from plone import api

    values = {}
    for name in ("citizen_chat", "max_message_chars", "messages_per_minute"):
        values[name] = api.portal.get_registry_record(
            f"{PREFIX}.{name}", default=IChatSettings[name].default
        )
    return values
