"""A citizen chats with the agent on duty (Playwright, chromium, real Prosody)."""

from collective.servicedesk.routing.roster import add_period
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from tests.browser_fixtures import screenshot
from tests.chat.conftest import PASSWORD
import pytest
import re
import requests
import transaction

CONNECTED = "[data-sd-chat-connected]"


@pytest.fixture
def citizen_site(chat_client, staff, chat_env, prosody, functional_portal):
    """Bokmål site with citizen chat on."""
    api.portal.set_registry_record("plone.available_languages", ["nb"])
    api.portal.set_registry_record("plone.default_language", "nb")
    api.portal.set_registry_record("collective.servicedesk.chat.citizen_chat", True)
    transaction.commit()
    return functional_portal.absolute_url()


def on_duty(user_id: str) -> None:
    now = datetime.now(UTC)
    add_period(user_id, ["general"], now - timedelta(hours=1), now + timedelta(hours=8))
    transaction.commit()


class TestCitizenChat:
    def test_off_by_default(self, functional_portal, chat_env):
        url = f"{functional_portal.absolute_url()}/@@chat-citizen"
        assert requests.get(url, timeout=60).status_code == 404

    def test_nobody_on_duty_offers_the_form(self, citizen_site, new_page):
        page = new_page()
        page.goto(f"{citizen_site}/@@chat-citizen")
        link = page.locator(".sd-chat-closed a")
        assert link.get_attribute("href") == f"{citizen_site}/@@ask"
        assert page.locator(CONNECTED).count() == 0

    def test_citizen_chats_with_agent_on_duty(self, citizen_site, new_page, prosody):
        on_duty("kari")
        agent = new_page("kari", PASSWORD)
        agent.goto(f"{citizen_site}/@@chat")
        agent.wait_for_selector(CONNECTED, state="attached")
        citizen = new_page()
        citizen.goto(f"{citizen_site}/@@chat-citizen")
        citizen.wait_for_selector(CONNECTED, state="attached")
        desk = citizen.locator(f'converse-chat[jid="kari@{prosody.domain}"]')
        desk.locator("textarea.chat-textarea").fill("Når tømmes søpla i Storgata?")
        desk.locator("textarea.chat-textarea").press("Enter")
        # The agent takes it: she opens the waiting citizen from her contacts.
        question = agent.locator(f'converse-chat[jid$="@{prosody.guest}"]')
        question.wait_for(state="attached")
        agent.locator("#controlbox").get_by_text(
            re.compile(prosody.guest)
        ).first.click()
        question.locator("text=Når tømmes søpla i Storgata?").wait_for()
        question.locator("textarea.chat-textarea").fill("Hei! Tirsdag annenhver uke.")
        question.locator("textarea.chat-textarea").press("Enter")
        desk.locator("text=Tirsdag annenhver uke.").wait_for()
        screenshot(citizen, "chat-citizen")
        screenshot(agent, "chat-citizen-agent")


class TestChatButton:
    @pytest.fixture
    def ask_url(self, citizen_site, functional_portal):
        from tests.services.helpers import make_desk

        make_desk(functional_portal)
        transaction.commit()
        return f"{citizen_site}/@@ask"

    def test_no_button_while_nobody_on_duty(self, ask_url):
        response = requests.get(ask_url, timeout=60)
        assert response.status_code == 200
        assert "@@chat-citizen" not in response.text

    def test_button_while_agent_on_duty(self, ask_url, citizen_site):
        on_duty("kari")
        response = requests.get(ask_url, timeout=60)
        assert f'href="{citizen_site}/@@chat-citizen"' in response.text
