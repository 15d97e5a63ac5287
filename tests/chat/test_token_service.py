"""GET @chat-token: staff only, a token the real Prosody accepts, nothing written."""

from tests.chat.conftest import PASSWORD
from tests.chat.xmpp import Client
from tests.chat.xmpp import run


async def log_in(jid: str, password: str, port: int) -> bool:
    client = Client(jid, password)
    try:
        return await client.log_in(port)
    finally:
        await client.close()


class TestChatTokenService:
    def test_agent_gets_token_prosody_accepts(
        self, request_factory, staff, chat_env, prosody
    ):
        session = request_factory(basic_auth=("kari", PASSWORD))
        response = session.get("/@chat-token")
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-store"
        body = response.json()
        assert body["jid"] == f"kari@{prosody.domain}"
        assert body["websocket_url"] == prosody.websocket_url
        assert body["name"] == "Kari Nordmann"
        assert run(log_in(body["jid"], body["token"], prosody.c2s_port))

    def test_member_without_role_refused(self, request_factory, staff, chat_env):
        session = request_factory(basic_auth=("member", PASSWORD))
        assert session.get("/@chat-token").status_code == 401

    def test_anonymous_refused(self, request_factory, chat_env):
        assert request_factory().get("/@chat-token").status_code == 401

    def test_not_configured(self, request_factory, staff, monkeypatch):
        monkeypatch.delenv("SERVICEDESK_CHAT_SECRET", raising=False)
        session = request_factory(basic_auth=("kari", PASSWORD))
        response = session.get("/@chat-token")
        # Not a server error: chat is simply not available on this site.
        assert response.status_code == 404
        assert response.json()["error"]["type"] == "NotFound"
