"""1011 -> 1012: registry records of the chat (issue 20), citizen chat off."""

from collective.servicedesk.chat.interfaces import PREFIX
from collective.servicedesk.chat.interfaces import IChatSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def chat_settings(context=None) -> None:
    """Add the records; keep values already set."""
    getUtility(IRegistry).registerInterface(IChatSettings, prefix=PREFIX)
