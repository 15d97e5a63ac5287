"""Fixtures of the replies tests: a desk with an inquiry, real local servers."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.replies.helpers import make_desk
from tests.replies.helpers import make_inquiry
from tests.replies.servers import HTTPRecorder
from tests.replies.servers import SMTPRecorder
from tests.replies.servers import free_port
import pytest
import transaction

SENDER = ("Servicetorget Demo", "servicetorget@demo.kommune.no")


@pytest.fixture
def inquiry(portal):
    """An inquiry with personal data in an integration portal."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return make_inquiry(make_desk(portal))


def point_mailhost(port: int) -> None:
    """Send the site's mail to 127.0.0.1:port; set the service desk sender."""
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "post@demo.kommune.no")
    api.portal.set_registry_record("plone.email_from_name", "Demo kommune")
    api.portal.set_registry_record("collective.servicedesk.sender_name", SENDER[0])
    api.portal.set_registry_record("collective.servicedesk.sender_address", SENDER[1])


@pytest.fixture
def smtp():
    server = SMTPRecorder().start()
    yield server
    server.stop()


@pytest.fixture
def mail_inquiry(functional_portal, smtp):
    """A committed inquiry in a functional portal whose MailHost uses ``smtp``."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    point_mailhost(smtp.port)
    obj = make_inquiry(make_desk(functional_portal))
    transaction.commit()
    return obj


@pytest.fixture
def down_mail_inquiry(functional_portal):
    """A committed inquiry whose MailHost points at a port nobody listens on."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    port = free_port()
    point_mailhost(port)
    obj = make_inquiry(make_desk(functional_portal))
    transaction.commit()
    return obj, port


@pytest.fixture
def gateway():
    server = HTTPRecorder().start()
    yield server
    server.stop()


def use_gateway(url: str) -> None:
    """Choose the HTTP SMS gateway at ``url``."""
    api.portal.set_registry_record("collective.servicedesk.sms_gateway", "http")
    api.portal.set_registry_record("collective.servicedesk.sms_gateway_url", url)
    api.portal.set_registry_record("collective.servicedesk.sms_gateway_token", "tok-1")
    api.portal.set_registry_record("collective.servicedesk.sms_sender_id", "Kommunen")


@pytest.fixture
def sms_inquiry(functional_portal, gateway):
    """A committed inquiry in a portal that sends SMS to the ``gateway`` recorder."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    use_gateway(gateway.url)
    obj = make_inquiry(make_desk(functional_portal))
    transaction.commit()
    return obj
