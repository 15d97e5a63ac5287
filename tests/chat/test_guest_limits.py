"""Citizens' messages per minute, enforced by Prosody (mod_servicedesk_guest_limits).

The session's Prosody is written by chat/server.py with the default limit;
a guest sending more gets a policy-violation error for each message over it,
and those messages never reach the agent. Staff are not counted.
"""

from collective.servicedesk.chat import token
from collective.servicedesk.chat.server import GUEST_MESSAGES_PER_MINUTE
from collective.servicedesk.chat.server import ProsodySetup
from collective.servicedesk.chat.server import render
from tests.chat.xmpp import Client
from tests.chat.xmpp import run

LIMIT = GUEST_MESSAGES_PER_MINUTE
SURPLUS = 3
MARK = "-- end --"
POLICY = "{urn:ietf:params:xml:ns:xmpp-stanzas}policy-violation"


async def staff(chat_server, prosody, userid: str) -> Client:
    answer = token.issue(chat_server, userid)
    client = Client(answer["jid"], answer["token"])
    assert await client.log_in(prosody.c2s_port)
    return client


async def received_until_mark(client: Client) -> list[str]:
    bodies = []
    while (message := await client.next_message())["body"] != MARK:
        bodies.append(message["body"])
    return bodies


class TestGuestMessagesPerMinute:
    def test_config_writer_sets_the_limit(self, tmp_path):
        text = render(ProsodySetup(directory=tmp_path, guest_messages_per_minute=7))
        guest_host = text.split('VirtualHost "guest.', 1)[1].split("Component", 1)[0]
        assert '"servicedesk_guest_limits"' in guest_host
        assert "servicedesk_guest_messages_per_minute = 7" in guest_host
        # Only the guest host loads the module: staff are never counted.
        assert text.count('"servicedesk_guest_limits"') == 1

    def test_guest_surplus_refused(self, prosody, chat_server):
        async def scenario():
            kari = await staff(chat_server, prosody, "kari")
            ola = await staff(chat_server, prosody, "ola")
            citizen = Client(prosody.guest)
            assert await citizen.log_in(prosody.c2s_port)
            try:
                for number in range(1, LIMIT + SURPLUS + 1):
                    citizen.send_message(mto=kari.boundjid.bare, mbody=f"m{number}")
                errors = [await citizen.next_error() for _ in range(SURPLUS)]
                # The server has handled all of the citizen's messages once the
                # last error is back; a colleague's message closes Kari's inbox.
                ola.send_message(mto=kari.boundjid.bare, mbody=MARK)
                delivered = await received_until_mark(kari)
                return errors, delivered
            finally:
                await kari.close()
                await ola.close()
                await citizen.close()

        errors, delivered = run(scenario())
        assert delivered == [f"m{n}" for n in range(1, LIMIT + 1)]
        # slixmpp only knows RFC 3920's conditions: read RFC 6120's from the XML.
        assert [e["error"].xml.find(POLICY) is not None for e in errors] == [True] * 3
        assert all("wait" in e["error"]["text"] for e in errors)
        assert {e["error"]["type"] for e in errors} == {"wait"}

    def test_staff_not_limited(self, prosody, chat_server):
        count = LIMIT + SURPLUS

        async def scenario():
            kari = await staff(chat_server, prosody, "kari")
            ola = await staff(chat_server, prosody, "ola")
            try:
                for number in range(1, count + 1):
                    kari.send_message(mto=ola.boundjid.bare, mbody=f"s{number}")
                kari.send_message(mto=ola.boundjid.bare, mbody=MARK)
                delivered = await received_until_mark(ola)
                return delivered, kari.errors.qsize()
            finally:
                await kari.close()
                await ola.close()

        delivered, errors = run(scenario())
        assert delivered == [f"s{n}" for n in range(1, count + 1)]
        assert errors == 0
