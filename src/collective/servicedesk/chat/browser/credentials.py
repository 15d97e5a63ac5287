"""@@chat-credentials: what converse.js reads from its ``credentials_url``.

The same answer as the REST service @chat-token, for a browser request:
converse asks with ``Accept: application/json, text/javascript``, which
plone.restapi does not route to services.
"""

from collective.servicedesk.chat import token
from collective.servicedesk.chat.settings import chat_server
from plone import api
from Products.Five.browser import BrowserView
import json


class ChatCredentials(BrowserView):
    """JSON {jid, password, ...} for the current staff user; nothing written."""

    def __call__(self) -> str:
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setHeader("Cache-Control", "no-store")
        server = chat_server()
        if server is None:
            response.setStatus(404)
            return json.dumps({"error": {"type": "NotFound"}})
        user = api.user.get_current()
        return json.dumps(token.issue(server, user.getId()))
