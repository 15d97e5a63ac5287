"""1011 -> 1012: registry records of the chat (issue 20), citizen chat off."""

from collective.servicedesk.settings import GROUPS
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def chat_settings(context=None) -> None:
    """Add the records; keep values already set."""
    schema, prefix = GROUPS["chat"]
    getUtility(IRegistry).registerInterface(schema, prefix=prefix)
