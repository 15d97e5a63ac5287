"""1005 -> 1006: registry records of the staff directory (issue 17)."""

from collective.servicedesk.settings import GROUPS
from collective.servicedesk.settings import IDirectorySettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def directory_settings(context=None) -> None:
    """Add the directory records (mapping, cache, search); keep existing values."""
    _schema, prefix = GROUPS["directory"]
    getUtility(IRegistry).registerInterface(IDirectorySettings, prefix=prefix)
