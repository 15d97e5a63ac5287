"""The unread count of the chat page in the presence panel of another tab.

Ola has the chat page open in one tab (its help room minimized) and works in
another tab of the same browser; Kari writes in the help room and the badge in
Ola's "On duty" panel shows the count (Playwright, chromium, real Prosody).
"""

from tests.browser_fixtures import screenshot
from tests.chat.test_browser_chat import CONNECTED
from tests.chat.test_browser_chat import write

BADGE = "#sd-ws-presence [data-sd-chat-unread]"


class TestUnreadBadge:
    def test_badge_counts_messages_of_minimized_room(self, chat_pages, prosody):
        portal_url, kari, ola = chat_pages
        room = f"help@{prosody.muc}"
        ola.goto(f"{portal_url}/@@chat")
        ola.wait_for_selector(CONNECTED, state="attached")
        ola.locator(f'converse-muc[jid="{room}"] .toggle-chatbox-button').click()
        ola.wait_for_selector(
            f'converse-muc[jid="{room}"] textarea.chat-textarea', state="hidden"
        )
        # Ola's other tab: same browser (same localStorage), any intranet page.
        work = ola.context.new_page()
        work.set_default_timeout(60000)
        work.goto(portal_url)
        badge = work.locator(BADGE)
        assert badge.count() == 1
        assert badge.is_hidden()
        kari.goto(f"{portal_url}/@@chat")
        kari.wait_for_selector(f'converse-muc[jid="{room}"] textarea.chat-textarea')
        write(kari, room, "Kan noen ta skranken?")
        write(kari, room, "Det haster.")
        work.wait_for_selector(f"{BADGE}:not([hidden])")
        work.wait_for_function(
            "s => document.querySelector(s).textContent === '2'", arg=BADGE
        )
        assert badge.inner_text() == "2"
        screenshot(work, "chat-unread-badge")
