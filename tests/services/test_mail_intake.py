"""@servicedesk-mail: raw e-mails in, inquiries or follow-ups out."""

from tests.intake import messages
from tests.services.examples import write_example
from tests.services.helpers import make_inquiry
import base64
import transaction

RFC822 = {"Content-Type": "message/rfc822"}


class TestMailIntakeService:
    def test_raw_message(self, agent_request, public_desk, functional_portal):
        response = agent_request.post(
            "/@servicedesk-mail",
            data=messages.multipart_with_attachments(),
            headers=RFC822,
        )
        assert response.status_code == 201
        data = response.json()
        assert data["outcome"] == "created"
        assert response.headers["Location"] == data["@id"]
        transaction.begin()
        inquiry = public_desk[data["@id"].rsplit("/", 1)[-1]]
        assert inquiry.channel == "email"
        write_example(
            "mail-post",
            response,
            functional_portal.absolute_url(),
            body="(the raw RFC 822 message)",
        )

    def test_json_base64_followup(self, agent_request, public_desk):
        inquiry = make_inquiry(public_desk, requester_email="ase@example.no")
        transaction.commit()
        raw = messages.reply(inquiry.reference_number)
        response = agent_request.post(
            "/@servicedesk-mail",
            json={"message_base64": base64.b64encode(raw).decode()},
        )
        assert response.status_code == 200
        assert response.json()["outcome"] == "followup"
        assert response.json()["reference_number"] == inquiry.reference_number

    def test_auto_reply_accepted_and_ignored(self, agent_request, public_desk):
        response = agent_request.post(
            "/@servicedesk-mail", data=messages.auto_reply(), headers=RFC822
        )
        assert response.status_code == 202
        assert response.json()["reason"] == "automatic"

    def test_missing_message(self, agent_request, public_desk):
        response = agent_request.post("/@servicedesk-mail", json={})
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "message"

    def test_bad_base64(self, agent_request, public_desk):
        response = agent_request.post(
            "/@servicedesk-mail", json={"message_base64": "@@@"}
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "message_base64"

    def test_anonymous_denied(self, anon_request, public_desk):
        response = anon_request.post(
            "/@servicedesk-mail", data=messages.alternative_html(), headers=RFC822
        )
        assert response.status_code == 401
        transaction.begin()
        assert list(public_desk.objectIds()) == []

    def test_member_denied(self, member_request, public_desk):
        response = member_request.post(
            "/@servicedesk-mail", data=messages.alternative_html(), headers=RFC822
        )
        assert response.status_code in (401, 403)


class TestLimits:
    """Mail beyond the intake limits: 413 with the reason, nothing created."""

    def test_thousand_parts(self, agent_request, public_desk):
        response = agent_request.post(
            "/@servicedesk-mail",
            data=messages.many_attachments(1000),
            headers=RFC822,
        )
        assert response.status_code == 413
        error = response.json()["error"]
        assert error["type"] == "PayloadTooLarge"
        assert (error["reason"], error["limit"]) == ("too_many_parts", 200)
        assert error["field"] == "message"
        assert "200" in error["message"]
        transaction.begin()
        assert list(public_desk.objectIds()) == []

    def test_too_deep_as_base64(self, agent_request, public_desk):
        raw = messages.nested(30)
        response = agent_request.post(
            "/@servicedesk-mail",
            json={"message_base64": base64.b64encode(raw).decode()},
        )
        assert response.status_code == 413
        assert response.json()["error"]["reason"] == "too_deep"

    def test_too_large_by_setting(self, agent_request, public_desk, functional_portal):
        from plone import api

        api.portal.set_registry_record(
            "collective.servicedesk.mail_intake.max_megabytes", 1
        )
        transaction.commit()
        response = agent_request.post(
            "/@servicedesk-mail", data=messages.large_text(2), headers=RFC822
        )
        assert response.status_code == 413
        assert response.json()["error"]["reason"] == "too_large"
        transaction.begin()
        assert list(public_desk.objectIds()) == []

    def test_unknown_sender_is_held(self, agent_request, public_desk):
        inquiry = make_inquiry(public_desk, requester_email="ase@example.no")
        transaction.commit()
        response = agent_request.post(
            "/@servicedesk-mail",
            data=messages.reply(inquiry.reference_number, sender="x@example.no"),
            headers=RFC822,
        )
        assert response.status_code == 202
        assert response.json()["outcome"] == "held"
        assert response.json()["reason"] == "unknown_sender"

    def test_lone_surrogate_in_json_message(self, agent_request, public_desk):
        raw = "From: a@example.no\\r\\nSubject: Hei \\ud800\\r\\n\\r\\nTekst"
        response = agent_request.post(
            "/@servicedesk-mail",
            data=('{"message": "' + raw + '"}').encode("ascii"),
            headers={"Content-Type": "application/json"},
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "message"
        transaction.begin()
        assert list(public_desk.objectIds()) == []
