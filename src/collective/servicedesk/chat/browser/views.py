"""The chat page of the intranet: converse.js logged in through @chat-token."""

from collective.servicedesk import _
from collective.servicedesk.chat import token
from collective.servicedesk.chat.browser.actions import action_config
from collective.servicedesk.chat.settings import chat_server
from collective.servicedesk.directory.availability import get_status
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
import json

HELP_ROOM = "help"
# Workspace availability as XMPP presence (<show/>), so both say the same.
SHOW = {"available": "", "busy": "dnd", "away": "away", "absent": "xa"}
MAX_WITH = 200


def unit_rooms(user) -> list[str]:
    """One room per unit (group) of ``user``, by the group's id."""
    return sorted(
        f"unit-{token.xmpp_username(group.getId())}"
        for group in api.group.get_groups(user=user)
        if group.getId() not in ("AuthenticatedUsers", "Administrators")
    )


class ChatView(BrowserView):
    """Staff chat: one-to-one, the unit rooms and the help room."""

    index = ViewPageTemplateFile("templates/chat.pt")
    title = _("chat_title", default="Chat")

    def __call__(self):
        self.server = chat_server()
        return self.index()

    def config(self) -> str:
        """The client's settings as JSON for a data attribute."""
        server = self.server
        user = api.user.get_current()
        site_url = api.portal.get().absolute_url()
        rooms = [HELP_ROOM, *unit_rooms(user)]
        status = (get_status(user.getId()) or {}).get("status", "available")
        with_user = (self.request.form.get("with") or "")[:MAX_WITH]
        language = (self.request.get("LANGUAGE") or "nb")[:2]
        return json.dumps(
            {
                "credentials_url": f"{site_url}/@@chat-credentials",
                "websocket_url": server.websocket_url,
                "assets_path": f"{site_url}/++resource++collective.servicedesk.chat/"
                "converse/",
                "rooms": [f"{room}@{server.muc}" for room in rooms],
                "muc": server.muc,
                "nickname": user.getProperty("fullname", "") or user.getId(),
                "show": SHOW.get(status, ""),
                "with": f"{token.xmpp_username(with_user)}@{server.domain}"
                if with_user
                else "",
                "locale": "en" if language == "en" else "nb",
                "actions": action_config(self.request),
            }
        )
