"""collective.servicedesk: a service desk for municipal intranets on Plone."""

from zope.i18nmessageid import MessageFactory
import logging

PACKAGE_NAME = "collective.servicedesk"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
