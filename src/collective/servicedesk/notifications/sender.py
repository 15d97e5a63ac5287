"""The sender of service desk e-mails: control panel first, then the site's."""

from collective.servicedesk.settings import settings
from plone import api


def sender() -> tuple[str, str]:
    """Return (name, address) of the service desk's sender."""
    desk = settings().desk
    address = desk.sender_address or api.portal.get_registry_record(
        "plone.email_from_address", default=""
    )
    name = desk.sender_name or api.portal.get_registry_record(
        "plone.email_from_name", default=""
    )
    return name or "", address or "servicedesk@localhost"
