"""Viewlets of the chat: unread count for staff, chat button for citizens."""

from collective.servicedesk import _
from collective.servicedesk.chat.desk import on_duty_now
from collective.servicedesk.chat.interfaces import chat_settings
from collective.servicedesk.chat.settings import chat_server
from html import escape
from plone.app.layout.viewlets.common import ViewletBase
from zope.i18n import translate


class UnreadViewlet(ViewletBase):
    """Loads chat-unread.js for staff (a few hundred bytes, no converse)."""

    def index(self) -> str:
        url = f"{self.site_url}/++resource++collective.servicedesk.chat/chat-unread.js"
        return f'<script defer src="{url}"></script>'


class CitizenChatButton(ViewletBase):
    """ "Chat with us" on the citizen pages, when chat is on and someone is on duty."""

    def available(self) -> bool:
        if not chat_settings()["citizen_chat"] or chat_server() is None:
            return False
        return bool(on_duty_now())

    def index(self) -> str:
        if not self.available():
            return ""
        label = translate(
            _("chat_citizen_button", default="Chat with us"), context=self.request
        )
        url = f"{self.site_url}/@@chat-citizen"
        return (
            f'<p class="sd-chat-button"><a class="btn btn-secondary" href="{url}">'
            f"{escape(label)}</a></p>"
        )
