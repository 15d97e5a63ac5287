"""1007 -> 1008: registry records of the mail intake limits (issue 12)."""

from collective.servicedesk.intake.settings import PREFIX
from collective.servicedesk.intake.settings import IMailIntakeSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def mail_intake_limits(context=None) -> None:
    """Add the records (parts, depth, size); keep values already set."""
    getUtility(IRegistry).registerInterface(IMailIntakeSettings, prefix=PREFIX)
