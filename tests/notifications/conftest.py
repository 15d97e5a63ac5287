"""Fixtures: a real SMTP server and a portal whose MailHost points at it."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.notifications.smtp import SMTPServer
import pytest
import transaction


@pytest.fixture
def smtp():
    server = SMTPServer().start()
    yield server
    server.stop()


def configure_mailhost(portal, port: int) -> None:
    # Plone's SMTP mailer takes host and port from the mail control panel.
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "post@demo.kommune.no")
    api.portal.set_registry_record("plone.email_from_name", "Demo kommune")


@pytest.fixture
def mail_portal(functional_portal, smtp):
    """A functional portal with the MailHost set to the test SMTP server."""
    configure_mailhost(functional_portal, smtp.port)
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    transaction.commit()
    return functional_portal
