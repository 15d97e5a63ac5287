"""The sender of service desk e-mails: control panel first, then the site's."""

from plone import api


def sender() -> tuple[str, str]:
    """Return (name, address) of the service desk's sender."""
    address = api.portal.get_registry_record(
        "collective.servicedesk.sender_address", default=""
    ) or api.portal.get_registry_record("plone.email_from_address", default="")
    name = api.portal.get_registry_record(
        "collective.servicedesk.sender_name", default=""
    ) or api.portal.get_registry_record("plone.email_from_name", default="")
    return name or "", address or "servicedesk@localhost"
