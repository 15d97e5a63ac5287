"""The demo's mail: a real aiosmtpd sink writes files, the managers' page shows them."""

from collective.servicedesk.demomail import sink
from collective.servicedesk.demomail.views import ENVIRONMENT
from collective.servicedesk.interfaces import IServiceDeskLayer
from email.message import EmailMessage
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.helpers.servers import free_port
from zope.interface import alsoProvides
import pytest
import smtplib


@pytest.fixture
def manager(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])


@pytest.fixture
def running_sink(tmp_path, monkeypatch):
    port = free_port()
    controller = sink.start(tmp_path, port=port)
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path))
    yield port, tmp_path
    controller.stop()


def send(port: int, subject: str) -> None:
    message = EmailMessage()
    message["From"] = "servicetorget@demo.kommune.no"
    message["To"] = "ase@example.org"
    message["Subject"] = subject
    message["Date"] = "Wed, 01 Jul 2026 10:00:00 +0000"
    message.set_content("Hei Åse <b>!</b>")
    with smtplib.SMTP("127.0.0.1", port) as client:
        client.send_message(message)


def test_sink_and_page(portal, manager, running_sink):
    port, folder = running_sink
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
    send(port, "[2026-000123] Svar på henvendelsen")
    assert len(list(folder.glob("*.eml"))) == 1
    request = portal.REQUEST
    alsoProvides(request, IServiceDeskLayer)
    page = portal.restrictedTraverse("@@servicedesk-demo-mail")()
    assert "[2026-000123] Svar på henvendelsen" in page
    assert "01.07.2026 12:00" in page  # the site's time zone
    assert "Hei Åse &lt;b&gt;!&lt;/b&gt;" in page


def test_page_without_sink(portal, manager, monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    alsoProvides(portal.REQUEST, IServiceDeskLayer)
    page = portal.restrictedTraverse("@@servicedesk-demo-mail")()
    assert "no demo mail sink" in page


def test_managers_only(portal):
    from AccessControl import Unauthorized

    api.user.create(email="m@example.org", username="member", password="pw-1234567")
    alsoProvides(portal.REQUEST, IServiceDeskLayer)
    with api.env.adopt_user(username="member"), pytest.raises(Unauthorized):
        portal.restrictedTraverse("@@servicedesk-demo-mail")
