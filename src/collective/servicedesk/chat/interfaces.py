"""Registry records of the chat (prefix ``collective.servicedesk.chat``).

The schema lives with the other settings (``settings.chat``); this module keeps
the chat's own names for it.
"""

from collective.servicedesk.settings import settings
from collective.servicedesk.settings.chat import IChatSettings

__all__ = ["IChatSettings", "chat_settings"]


def chat_settings() -> dict:
    """The records' values, with the defaults where a record is missing."""
    group = settings().chat
    return {
        name: getattr(group, name)
        for name in ("citizen_chat", "max_message_chars", "messages_per_minute")
    }
