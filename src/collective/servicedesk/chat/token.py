"""Short-lived log-in tokens for the chat server, signed with the shared secret.

Prosody's ``mod_auth_servicedesk`` (chat/prosody/) verifies them: HS256, the
audience is the staff XMPP domain, the subject the XMPP username.
"""

from collective.servicedesk.chat.settings import TOKEN_LIFETIME
from collective.servicedesk.chat.settings import ChatServer
import jwt
import time

# XEP-0106: characters a Plone user id may hold but an XMPP username may not.
_ESCAPES = {
    " ": "\\20",
    '"': "\\22",
    "&": "\\26",
    "'": "\\27",
    "/": "\\2f",
    ":": "\\3a",
    "<": "\\3c",
    ">": "\\3e",
    "@": "\\40",
}
MAX_USERID = 200


def xmpp_username(userid: str) -> str:
    """The XMPP username (node) of a Plone user id, escaped as in XEP-0106."""
    if not userid or len(userid) > MAX_USERID:
        raise ValueError("user id is empty or too long")
    # The backslash first, so the escapes themselves are not escaped again.
    node = userid.lower().replace("\\", "\\5c")
    return "".join(_ESCAPES.get(char, char) for char in node)


def issue(server: ChatServer, userid: str, now: float | None = None) -> dict:
    """A token for ``userid``; ``now`` only for tests of expiry."""
    node = xmpp_username(userid)
    issued = int(time.time() if now is None else now)
    claims = {
        "sub": node,
        "aud": server.domain,
        "iat": issued,
        "exp": issued + TOKEN_LIFETIME,
    }
    signed = jwt.encode(claims, server.secret, algorithm="HS256")
    return {
        "jid": f"{node}@{server.domain}",
        "token": signed,
        # converse.js reads {jid, password} from its credentials_url.
        "password": signed,
        "expires": issued + TOKEN_LIFETIME,
        "websocket_url": server.websocket_url,
        "muc": server.muc,
    }
