"""1007 -> 1008: registry records of the mail intake limits (issue 12)."""

from collective.servicedesk.settings import GROUPS
from collective.servicedesk.settings import IMailIntakeSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def mail_intake_limits(context=None) -> None:
    """Add the records (parts, depth, size); keep values already set."""
    _schema, prefix = GROUPS["mail_intake"]
    getUtility(IRegistry).registerInterface(IMailIntakeSettings, prefix=prefix)
