"""The agent turns a citizen's chat into an inquiry from the chat page's button.

Playwright + Debian chromium, a real Prosody and Plone; the transcript is what
converse.js shows the agent.
"""

from collective.servicedesk.chat.inquiry import FILENAME
from collective.servicedesk.chat.transcript import CONFIDENTIAL
from collective.servicedesk.citizen import codes
from collective.servicedesk.intake.attachments import list_attachments
from plone import api
from tests.browser_fixtures import screenshot
from tests.chat.conftest import PASSWORD
from tests.chat.test_browser_citizen import on_duty
from tests.services.helpers import make_desk
from zope.i18n import translate
import pytest
import re
import transaction

CONNECTED = "[data-sd-chat-connected]"
RESULT = "[data-sd-chat-result]"


@pytest.fixture
def desk_site(chat_client, staff, chat_env, prosody, functional_portal):
    """Bokmål site with a service desk, citizen chat on and Kari on duty."""
    api.portal.set_registry_record("plone.available_languages", ["nb"])
    api.portal.set_registry_record("plone.default_language", "nb")
    api.portal.set_registry_record("collective.servicedesk.chat.citizen_chat", True)
    make_desk(functional_portal)
    transaction.commit()
    on_duty("kari")
    return functional_portal.absolute_url()


def citizen_asks(site, new_page, prosody, agent, question):
    """A citizen writes to the agent on duty; the agent opens the chat."""
    citizen = new_page()
    citizen.goto(f"{site}/@@chat-citizen")
    citizen.wait_for_selector(CONNECTED, state="attached")
    desk = citizen.locator(f'converse-chat[jid="kari@{prosody.domain}"]')
    desk.locator("textarea.chat-textarea").fill(question)
    desk.locator("textarea.chat-textarea").press("Enter")
    chat = agent.locator(f'converse-chat[jid$="@{prosody.guest}"]')
    chat.wait_for(state="attached")
    agent.locator("#controlbox").get_by_text(re.compile(prosody.guest)).first.click()
    chat.locator(f"text={question}").wait_for()
    return citizen, desk, chat


def inquiries_with_channel_chat() -> list:
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        return [
            brain.getObject()
            for brain in api.content.find(portal_type="Inquiry")
            if brain.getObject().channel == "chat"
        ]


class TestChatActions:
    def test_agent_makes_inquiry_from_button(self, desk_site, new_page, prosody):
        agent = new_page("kari", PASSWORD)
        agent.goto(f"{desk_site}/@@chat")
        agent.wait_for_selector(CONNECTED, state="attached")
        assert agent.locator("[data-sd-chat-actions]").is_visible()
        citizen, desk, chat = citizen_asks(
            desk_site, new_page, prosody, agent, "Når tømmes søpla i Storgata?"
        )
        chat.locator("textarea.chat-textarea").fill("Det sjekker jeg og svarer deg.")
        chat.locator("textarea.chat-textarea").press("Enter")
        desk.locator("text=Det sjekker jeg og svarer deg.").wait_for()
        # The citizen's conversation is the one chosen for the buttons.
        select = agent.locator("[data-sd-chat-conversation]")
        assert prosody.guest in select.locator("option:checked").inner_text()
        agent.fill("[data-sd-chat-actions] input[name=title]", "Søppeltømming Storgata")
        agent.click("[data-sd-chat-action=inquiry]")
        agent.wait_for_selector('[data-sd-chat-result="inquiry"]')
        shown = agent.locator(RESULT).inner_text()
        [inquiry] = inquiries_with_channel_chat()
        assert inquiry.title == "Søppeltømming Storgata"
        assert inquiry.reference_number
        assert inquiry.reference_number in shown
        # The follow-up code the agent gives in the chat is shown once.
        code = shown.strip().rsplit(" ", 1)[-1]
        assert codes.resolve(code) == inquiry.UID()
        with api.env.adopt_roles(["Manager"]):
            [transcript] = list_attachments(inquiry)
        text = transcript["file"].data.decode("utf-8")
        assert transcript["filename"] == FILENAME
        assert "Når tømmes søpla i Storgata?" in text
        assert "Det sjekker jeg og svarer deg." in text
        screenshot(agent, "chat-agent-inquiry-button")

    def test_knowledge_of_confidential_inquiry_refused(
        self, desk_site, new_page, prosody
    ):
        agent = new_page("kari", PASSWORD)
        agent.goto(f"{desk_site}/@@chat")
        agent.wait_for_selector(CONNECTED, state="attached")
        citizen_asks(desk_site, new_page, prosody, agent, "Jeg er bekymret for naboen")
        agent.click("[data-sd-chat-action=inquiry]")
        agent.wait_for_selector('[data-sd-chat-result="inquiry"]')
        [inquiry] = inquiries_with_channel_chat()
        with api.env.adopt_roles(["Manager"]):
            inquiry.confidential = True
        transaction.commit()
        # Saving the same conversation as knowledge links it to that inquiry:
        # the service refuses (409) and the page says why.
        agent.click("[data-sd-chat-action=knowledge]")
        agent.wait_for_selector(f"{RESULT}.error")
        expected = translate(CONFIDENTIAL, target_language="nb")
        assert agent.locator(RESULT).inner_text() == expected
