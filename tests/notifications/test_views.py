"""Personal notice preferences and the outgoing-mail status page."""

from collective.servicedesk.messages import send_message
from collective.servicedesk.notifications import queue
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.notifications.preferences import disabled_kinds
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import setRoles
from tests.helpers.mail import configure_mailhost
from tests.helpers.notifications import PASSWORD
from tests.helpers.notifications import browser_for
from tests.helpers.notifications import token
from tests.helpers.servers import SMTPServer
from tests.helpers.servers import free_port
import pytest
import re
import transaction


@pytest.fixture
def site(functional_portal):
    portal = functional_portal
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for user_id in ("kari", "per"):
        api.user.create(
            username=user_id,
            email=f"{user_id}@demo.kommune.no",
            password=PASSWORD,
            properties={"fullname": user_id.title(), "language": "en"},
        )
        setRoles(portal, user_id, ["Service Desk Agent"])
    transaction.commit()
    return portal


class TestPreferences:
    def test_turn_kinds_off_and_on(self, functional_app, site):
        browser = browser_for(functional_app, "kari")
        url = site.absolute_url() + "/@@notification-preferences"
        browser.open(url)
        db = site._p_jar.db()
        before = db.lastTransaction()
        browser.open(url)
        assert db.lastTransaction() == before  # GET writes nothing
        assert browser.getControl(name="kinds:list").value == [
            "assignment",
            "forwarding",
            "answered",
            "reminder",
            "escalation",
            "digest",
            "message",
        ]
        assert "kari@demo.kommune.no" in browser.contents
        browser.getControl(name="kinds:list").value = ["assignment", "escalation"]
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        assert disabled_kinds("kari") == {
            "forwarding",
            "answered",
            "reminder",
            "digest",
            "message",
        }
        assert disabled_kinds("per") == frozenset()
        browser.open(url)
        assert browser.getControl(name="kinds:list").value == [
            "assignment",
            "escalation",
        ]


@pytest.fixture
def failed_message(site):
    """Kari's message to Per whose e-mail notice failed (server down)."""
    port = free_port()
    configure_mailhost(site, port)
    transaction.commit()
    login(site, "kari")
    send_message(["per"], "Meeting", "At ten")
    transaction.commit()
    assert wait_for_deliveries(20)
    transaction.begin()
    server = SMTPServer(port)
    yield server
    server.stop()


class TestMailQueuePage:
    def test_sender_sees_the_failure_and_retries(
        self, functional_app, site, failed_message
    ):
        browser = browser_for(functional_app, "kari")
        url = site.absolute_url() + "/@@mail-queue"
        browser.open(url)
        assert "Message from Kari: Meeting" in browser.contents
        assert "Failed, will be retried" in browser.contents
        assert "per@demo.kommune.no" in browser.contents
        (key,) = re.findall(
            r'name="key"\s+type="hidden"\s+value="([^"]+)"', browser.contents
        )
        failed_message.start()
        browser.post(url, f"_authenticator={token(browser)}&key={key}")
        assert wait_for_deliveries(20)
        assert len(failed_message.wait_for(1)) == 1
        transaction.begin()
        assert queue.get_item(key)["status"] == queue.SENT
        browser.open(url + "?status=sent")
        assert "Message from Kari: Meeting" in browser.contents

    def test_others_do_not_see_it_admins_do(self, functional_app, site, failed_message):
        browser = browser_for(functional_app, "per")
        browser.open(site.absolute_url() + "/@@mail-queue")
        assert "Message from Kari: Meeting" not in browser.contents
        assert "No e-mails." in browser.contents
        admin = browser_for(functional_app, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        admin.open(site.absolute_url() + "/@@mail-queue")
        assert "Message from Kari: Meeting" in admin.contents

    def test_others_cannot_retry(self, functional_app, site, failed_message):
        (item,) = queue.list_items()
        browser = browser_for(functional_app, "per")
        url = site.absolute_url() + "/@@mail-queue"
        browser.open(url)
        browser.post(url, f"_authenticator={token(browser)}&key={item['key']}")
        assert "This e-mail cannot be retried." in browser.contents
        transaction.begin()
        assert queue.get_item(item["key"])["attempts"] == 1
