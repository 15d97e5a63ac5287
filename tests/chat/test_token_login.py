"""Log-in to the real Prosody with tokens signed by Plone (mod_auth_servicedesk)."""

from collective.servicedesk.chat import token
from dataclasses import replace
from tests.chat.xmpp import Client
from tests.chat.xmpp import run
import time


async def log_in(jid: str, password: str, port: int) -> bool:
    client = Client(jid, password)
    try:
        return await client.log_in(port)
    finally:
        await client.close()


class TestTokenLogIn:
    def test_token_of_plone_accepted(self, prosody, chat_server):
        answer = token.issue(chat_server, "kari.nordmann")
        assert answer["jid"] == f"kari.nordmann@{prosody.domain}"
        assert run(log_in(answer["jid"], answer["token"], prosody.c2s_port))

    def test_forged_token_refused(self, prosody, chat_server):
        forged = replace(chat_server, secret="x" * 48)
        answer = token.issue(forged, "kari.nordmann")
        assert not run(log_in(answer["jid"], answer["token"], prosody.c2s_port))

    def test_expired_token_refused(self, prosody, chat_server):
        answer = token.issue(chat_server, "kari.nordmann", now=time.time() - 3600)
        assert not run(log_in(answer["jid"], answer["token"], prosody.c2s_port))

    def test_token_of_another_user_refused(self, prosody, chat_server):
        answer = token.issue(chat_server, "ola.nordmann")
        jid = f"kari.nordmann@{prosody.domain}"
        assert not run(log_in(jid, answer["token"], prosody.c2s_port))

    def test_password_refused(self, prosody):
        jid = f"kari.nordmann@{prosody.domain}"
        assert not run(log_in(jid, "secret", prosody.c2s_port))

    def test_user_id_with_at_sign_escaped(self, prosody, chat_server):
        answer = token.issue(chat_server, "Kari@Example.no")
        assert answer["jid"] == f"kari\\40example.no@{prosody.domain}"
        assert run(log_in(answer["jid"], answer["token"], prosody.c2s_port))
