"""Fixtures: a portal whose MailHost points at the test SMTP server (``smtp``)."""

from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.helpers.mail import configure_mailhost
import pytest
import transaction


@pytest.fixture
def mail_portal(functional_portal, smtp):
    """A functional portal with the MailHost set to the test SMTP server."""
    configure_mailhost(functional_portal, smtp.port)
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    transaction.commit()
    return functional_portal
