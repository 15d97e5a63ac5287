"""Two staff chat inside the intranet page (Playwright, chromium, real Prosody)."""

from tests.browser_fixtures import screenshot

CONNECTED = "[data-sd-chat-connected]"


def write(page, room: str, text: str) -> None:
    box = page.locator(f'converse-muc[jid="{room}"]')
    box.locator("textarea.chat-textarea").fill(text)
    box.locator("textarea.chat-textarea").press("Enter")


class TestStaffChatInBrowser:
    def test_two_colleagues_chat_in_help_room(self, chat_pages, prosody):
        portal_url, kari, ola = chat_pages
        room = f"help@{prosody.muc}"
        ola.goto(f"{portal_url}/@@chat")
        ola.wait_for_selector(CONNECTED, state="attached")
        kari.goto(f"{portal_url}/@@chat")
        kari.wait_for_selector(CONNECTED, state="attached")
        # Both joined the front desk's help room on their own.
        kari.wait_for_selector(f'converse-muc[jid="{room}"] textarea.chat-textarea')
        ola.wait_for_selector(f'converse-muc[jid="{room}"] textarea.chat-textarea')
        write(kari, room, "Hei Ola, kan du ta skranken?")
        ola.wait_for_selector("text=Hei Ola, kan du ta skranken?")
        write(ola, room, "Ja, jeg kommer.")
        kari.wait_for_selector("text=Ja, jeg kommer.")
        screenshot(kari, "chat-staff-help-room")

    def test_one_to_one_from_presence_link(self, chat_pages, prosody):
        portal_url, kari, ola = chat_pages
        ola.goto(f"{portal_url}/@@chat")
        ola.wait_for_selector(CONNECTED, state="attached")
        # Kari follows the presence panel's "Chat" link next to Ola.
        kari.goto(f"{portal_url}/@@chat?with=ola")
        kari.wait_for_selector(CONNECTED, state="attached")
        box = kari.locator(f'converse-chat[jid="ola@{prosody.domain}"]')
        box.locator("textarea.chat-textarea").fill("Hei Ola, har du tid?")
        box.locator("textarea.chat-textarea").press("Enter")
        answer = ola.locator(f'converse-chat[jid="kari@{prosody.domain}"]')
        answer.locator("text=Hei Ola, har du tid?").wait_for()
        answer.locator("textarea.chat-textarea").fill("Ja, ring meg.")
        answer.locator("textarea.chat-textarea").press("Enter")
        box.locator("text=Ja, ring meg.").wait_for()
        screenshot(kari, "chat-staff-one-to-one")
