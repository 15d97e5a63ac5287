"""GET @chat-token: a short-lived token that logs the current staff user in to chat.

Nothing is written: the token is signed, not stored.
"""

from collective.servicedesk import _
from collective.servicedesk.chat import token
from collective.servicedesk.chat.settings import chat_server
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.errors import ServiceError
from plone import api

NOT_CONFIGURED = _(
    "error_chat_not_configured",
    default="Chat is not set up on this server.",
)


class ChatToken(ServiceDeskService):
    """The XMPP address, token and WebSocket address of the current user."""

    def handle(self) -> dict:
        server = chat_server()
        if server is None:
            raise ServiceError(404, NOT_CONFIGURED)
        user = api.user.get_current()
        answer = token.issue(server, user.getId())
        # Tokens must never be cached by a browser or proxy.
        self.request.response.setHeader("Cache-Control", "no-store")
        answer["name"] = user.getProperty("fullname", "") or user.getId()
        return answer
