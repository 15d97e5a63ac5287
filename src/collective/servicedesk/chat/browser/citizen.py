"""The citizens' chat page: an anonymous session with the agent on duty.

Off unless the registry record ``collective.servicedesk.chat.citizen_chat``
is on (404 otherwise). While nobody is on duty the page offers the web form.
The browser keeps nothing after the tab is closed and the anonymous XMPP
address is new for every session, so the chat cannot be read again except
through the follow-up code of the inquiry the agent makes of it.
"""

from collective.servicedesk import _
from collective.servicedesk.chat import token
from collective.servicedesk.chat.desk import on_duty_now
from collective.servicedesk.chat.interfaces import chat_settings
from collective.servicedesk.chat.settings import chat_server
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
import json


class CitizenChatView(BrowserView):
    """Chat with the front desk, or the web form when nobody is there."""

    index = ViewPageTemplateFile("templates/citizen.pt")
    title = _("chat_citizen_title", default="Chat with us")

    def __call__(self):
        self.settings = chat_settings()
        self.server = chat_server()
        if not self.settings["citizen_chat"] or self.server is None:
            raise NotFound("chat-citizen")
        self.agents = on_duty_now()
        self.site_url = api.portal.get().absolute_url()
        # Answers that depend on who is on duty must not be cached.
        self.request.response.setHeader("Cache-Control", "no-store")
        return self.index()

    def form_url(self) -> str:
        return f"{self.site_url}/@@ask"

    def config(self) -> str:
        server = self.server
        agent = self.agents[0]
        return json.dumps(
            {
                "websocket_url": server.websocket_url,
                "guest": server.guest,
                "agent": f"{token.xmpp_username(agent)}@{server.domain}",
                "assets_path": f"{self.site_url}/++resource++collective.servicedesk"
                ".chat/converse/",
                "message_limit": self.settings["max_message_chars"],
                "locale": "nb",
            }
        )
