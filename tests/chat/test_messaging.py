"""Staff chat on the real Prosody: one-to-one and a unit room (MUC), archived."""

from collective.servicedesk.chat import token
from tests.chat.xmpp import WAIT
from tests.chat.xmpp import Client
from tests.chat.xmpp import run
import asyncio


async def connected(chat_server, prosody, userid: str) -> Client:
    answer = token.issue(chat_server, userid)
    client = Client(answer["jid"], answer["token"])
    assert await client.log_in(prosody.c2s_port)
    return client


class TestStaffMessages:
    def test_one_to_one(self, prosody, chat_server):
        async def scenario():
            kari = await connected(chat_server, prosody, "kari")
            ola = await connected(chat_server, prosody, "ola")
            try:
                kari.send_message(
                    mto=f"ola@{prosody.domain}", mbody="Kan du ta telefonen?"
                )
                message = await ola.next_message()
                return str(message["from"].bare), message["body"]
            finally:
                await kari.close()
                await ola.close()

        sender, body = run(scenario())
        assert sender == f"kari@{prosody.domain}"
        assert body == "Kan du ta telefonen?"

    def test_unit_room(self, prosody, chat_server):
        room = f"unit-byggesak@{prosody.muc}"

        async def scenario():
            kari = await connected(chat_server, prosody, "kari")
            ola = await connected(chat_server, prosody, "ola")
            try:
                await kari.plugin["xep_0045"].join_muc_wait(
                    room, "Kari", maxstanzas=0, timeout=WAIT
                )
                await ola.plugin["xep_0045"].join_muc_wait(
                    room, "Ola", maxstanzas=0, timeout=WAIT
                )
                kari.send_message(mto=room, mbody="Møte kl. 10", mtype="groupchat")
                # Ola gets the message; Kari gets her own echo from the room.
                while True:
                    message = await ola.next_message()
                    if message["body"] == "Møte kl. 10":
                        return message["type"], message["from"].resource
            finally:
                await kari.close()
                await ola.close()

        kind, nick = run(scenario())
        assert kind == "groupchat"
        assert nick == "Kari"

    def test_guest_cannot_create_rooms(self, prosody):
        """Citizens (anonymous host) may not open rooms of their own."""
        room = f"guest-room@{prosody.muc}"

        async def scenario():
            guest = Client(prosody.guest)
            assert await guest.log_in(prosody.c2s_port)
            try:
                answer = asyncio.get_running_loop().create_future()

                def presence(stanza):
                    if stanza["from"].bare == room and not answer.done():
                        answer.set_result(stanza)

                guest.add_event_handler("presence", presence)
                guest.plugin["xep_0045"].join_muc(room, "Innbygger")
                stanza = await asyncio.wait_for(answer, WAIT)
                return stanza["type"], stanza["error"]["condition"]
            finally:
                await guest.close()

        kind, condition = run(scenario())
        assert kind == "error"
        assert condition == "not-allowed"
