"""Fixtures of the replies tests: a desk with an inquiry, real local servers.

The SMTP server is the shared ``smtp`` fixture of ``tests/conftest.py``.
"""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.helpers.servers import HTTPRecorder
from tests.helpers.servers import free_port
from tests.replies.helpers import make_desk
from tests.replies.helpers import make_inquiry
from tests.replies.helpers import point_mailhost
import pytest
import transaction


@pytest.fixture
def inquiry(portal):
    """An inquiry with personal data in an integration portal."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return make_inquiry(make_desk(portal))


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
    api.portal.set_registry_record("collective.servicedesk.sms_sender_id", "Kommunen")


@pytest.fixture
def sms_inquiry(functional_portal, gateway, monkeypatch):
    """A committed inquiry in a portal that sends SMS to the ``gateway`` recorder."""
    # The gateway's token comes from the environment only.
    monkeypatch.setenv("SERVICEDESK_SMS_TOKEN", "tok-1")
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    use_gateway(gateway.url)
    obj = make_inquiry(make_desk(functional_portal))
    transaction.commit()
    return obj
