"""Where the chat server is and how Plone signs log-in tokens for it.

The values come from the environment, not the registry: the same secret must
be given to Prosody, and secrets do not belong in the ZODB.
"""

from dataclasses import dataclass
import os

SECRET_ENV = "SERVICEDESK_CHAT_SECRET"
# A token only has to live from the page load to the XMPP log-in.
TOKEN_LIFETIME = 300
MIN_SECRET_LENGTH = 32


@dataclass(frozen=True)
class ChatServer:
    """The XMPP domains and the WebSocket address the browser connects to."""

    domain: str
    muc: str
    guest: str
    websocket_url: str
    secret: str


def chat_server(environ=None) -> ChatServer | None:
    """The configured chat server, or None when chat is not set up."""
    env = os.environ if environ is None else environ
    secret = env.get(SECRET_ENV, "")
    if len(secret) < MIN_SECRET_LENGTH:
        return None
    domain = env.get("SERVICEDESK_CHAT_DOMAIN", "servicedesk.localhost")
    return ChatServer(
        domain=domain,
        muc=env.get("SERVICEDESK_CHAT_MUC", f"rooms.{domain}"),
        guest=env.get("SERVICEDESK_CHAT_GUEST", f"guest.{domain}"),
        websocket_url=env.get(
            "SERVICEDESK_CHAT_WEBSOCKET", "ws://localhost:5280/xmpp-websocket"
        ),
        secret=secret,
    )
