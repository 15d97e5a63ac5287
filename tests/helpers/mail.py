"""Point the site's MailHost at a local SMTP server."""

from plone import api


def configure_mailhost(portal, port: int) -> None:
    """Send the site's mail to 127.0.0.1:``port`` (the mail control panel's records)."""
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "post@demo.kommune.no")
    api.portal.set_registry_record("plone.email_from_name", "Demo kommune")
