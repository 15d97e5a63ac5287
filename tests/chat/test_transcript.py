"""A citizen's chat with an agent on the real Prosody, saved as redacted knowledge."""

from collective.servicedesk.chat import token
from collective.servicedesk.chat.transcript import KIND
from collective.servicedesk.knowledge.promote import redaction_counts
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.chat.conftest import PASSWORD
from tests.chat.xmpp import Client
from tests.chat.xmpp import run
from tests.knowledge.helpers import make_kb
from tests.services.helpers import make_desk
from tests.services.helpers import make_inquiry
import pytest
import transaction


def citizen_chat(prosody, chat_server) -> list[dict]:
    """An anonymous citizen writes to Kari; both sides as the transcript has them."""

    async def scenario():
        answer = token.issue(chat_server, "kari")
        kari = Client(answer["jid"], answer["token"])
        citizen = Client(prosody.guest)
        assert await kari.log_in(prosody.c2s_port)
        assert await citizen.log_in(prosody.c2s_port)
        lines = []
        try:
            citizen.send_message(
                mto=answer["jid"],
                mbody="Hei, jeg heter Per Hansen, tlf 912 34 567. Når tømmes søpla?",
            )
            got = await kari.next_message()
            assert got["from"].domain == prosody.guest
            lines.append({"from": str(got["from"].bare), "body": got["body"]})
            kari.send_message(mto=got["from"], mbody="Hei Per! Tirsdag annenhver uke.")
            back = await citizen.next_message()
            lines.append({"from": str(back["from"].bare), "body": back["body"]})
        finally:
            await kari.close()
            await citizen.close()
        return lines

    return run(scenario())


@pytest.fixture
def knowledge(functional_portal, staff):
    kb = make_kb(functional_portal)
    desk = make_desk(functional_portal)
    inquiry = make_inquiry(desk, title="Tømming", requester_name="Per Hansen")
    secret = make_inquiry(desk, title="Barnevern", confidential=True)
    transaction.commit()
    return kb, inquiry, secret


class TestSaveTranscript:
    def test_citizen_chat_saved_redacted_and_linked(
        self, request_factory, knowledge, prosody, chat_server
    ):
        kb, inquiry, _secret = knowledge
        lines = citizen_chat(prosody, chat_server)
        session = request_factory(basic_auth=("kari", PASSWORD))
        response = session.post(
            "/@chat-knowledge",
            json={"title": "Chat om tømming", "lines": lines, "inquiry": inquiry.UID()},
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["document_kind"] == KIND
        transaction.begin()
        document = api.content.get(UID=body["UID"])
        text = document.text.raw
        assert "912 34 567" not in text
        assert "Per" not in text and "Hansen" not in text
        assert prosody.guest not in text
        assert "Tirsdag annenhver uke" in text
        assert document.related_inquiries == [inquiry.UID()]
        assert redaction_counts(document)["phone"] == 1

    @pytest.mark.parametrize(
        "login,status",
        [(("kari", PASSWORD), 404), ((SITE_OWNER_NAME, SITE_OWNER_PASSWORD), 409)],
    )
    def test_confidential_inquiry_refused(
        self, request_factory, knowledge, login, status
    ):
        """Hidden from who may not see it; never shared by who may."""
        _kb, _inquiry, secret = knowledge
        session = request_factory(basic_auth=login)
        response = session.post(
            "/@chat-knowledge",
            json={
                "title": "Chat",
                "lines": [{"from": "a", "body": "hei"}],
                "inquiry": secret.UID(),
            },
        )
        assert response.status_code == status
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            assert api.content.find(document_kind=KIND) == []

    @pytest.mark.parametrize(
        "payload",
        [
            {"title": "", "lines": [{"from": "a", "body": "b"}]},
            {"title": "T", "lines": []},
            {"title": "T", "lines": [{"from": "a", "body": "x" * 4001}]},
            {"title": "T", "lines": [{"from": "a"}]},
            {"title": "T", "lines": "hei"},
        ],
    )
    def test_bad_transcripts_refused(self, request_factory, knowledge, payload):
        session = request_factory(basic_auth=("kari", PASSWORD))
        response = session.post("/@chat-knowledge", json=payload)
        assert response.status_code == 400
        assert response.json()["error"]["type"] == "BadRequest"

    def test_member_without_role_refused(self, request_factory, knowledge):
        session = request_factory(basic_auth=("member", PASSWORD))
        response = session.post(
            "/@chat-knowledge",
            json={"title": "T", "lines": [{"from": "a", "body": "b"}]},
        )
        assert response.status_code == 401

    def test_only_an_inquiry_is_linked(self, request_factory, knowledge):
        """A UID of other content (the knowledge base) is no inquiry: 404."""
        kb, _inquiry, _secret = knowledge
        session = request_factory(basic_auth=("kari", PASSWORD))
        response = session.post(
            "/@chat-knowledge",
            json={
                "title": "Chat",
                "lines": [{"from": "a", "body": "hei"}],
                "inquiry": kb.UID(),
            },
        )
        assert response.status_code == 404
        assert response.json()["error"]["type"] == "NotFound"
