"""A citizen's anonymous chat, taken by an agent, becomes an inquiry."""

from collective.servicedesk.chat.inquiry import FILENAME
from collective.servicedesk.citizen import codes
from collective.servicedesk.intake.attachments import list_attachments
from plone import api
from tests.chat.conftest import PASSWORD
from tests.chat.test_transcript import citizen_chat
from tests.services.helpers import make_desk
import pytest
import transaction


@pytest.fixture
def desk(functional_portal, staff):
    desk = make_desk(functional_portal)
    transaction.commit()
    return desk


class TestChatToInquiry:
    def test_chat_becomes_inquiry_with_transcript_and_code(
        self, request_factory, desk, prosody, chat_server
    ):
        lines = citizen_chat(prosody, chat_server)
        session = request_factory(basic_auth=("kari", PASSWORD))
        response = session.post(
            "/@chat-inquiry",
            json={
                "title": "Tømming av søppel",
                "lines": lines,
                "requester_name": "Per Hansen",
            },
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["channel"] == "chat"
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            inquiry = api.content.get(UID=body["UID"])
            [transcript] = list_attachments(inquiry)
        assert transcript["filename"] == FILENAME
        text = transcript["file"].data.decode("utf-8")
        assert "Når tømmes søpla?" in text
        assert "Tirsdag annenhver uke." in text
        assert inquiry.requester_name == "Per Hansen"
        # The citizen follows the chat's inquiry with the code, as with the form.
        assert codes.resolve(body["followup_code"]) == inquiry.UID()

    def test_confidential_flag_kept(self, request_factory, desk):
        session = request_factory(basic_auth=("kari", PASSWORD))
        response = session.post(
            "/@chat-inquiry",
            json={
                "title": "Barnevern",
                "lines": [{"from": "innbygger", "body": "Jeg er bekymret"}],
                "confidential": True,
            },
        )
        assert response.status_code == 201, response.text
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            inquiry = api.content.get(UID=response.json()["UID"])
        assert inquiry.confidential is True

    def test_member_refused(self, request_factory, desk):
        session = request_factory(basic_auth=("member", PASSWORD))
        response = session.post(
            "/@chat-inquiry",
            json={"title": "T", "lines": [{"from": "a", "body": "b"}]},
        )
        assert response.status_code == 401

    def test_oversized_name_refused(self, request_factory, desk):
        session = request_factory(basic_auth=("kari", PASSWORD))
        response = session.post(
            "/@chat-inquiry",
            json={
                "title": "T",
                "lines": [{"from": "a", "body": "b"}],
                "requester_name": "x" * 201,
            },
        )
        assert response.status_code == 400
