"""@servicedesk-track: follow-up code look-up and adding information."""

from collective.servicedesk.citizen import codes
from collective.servicedesk.history import entries
from collective.servicedesk.history import record
from collective.servicedesk.intake.inquiries import FOLLOWUP_ACTION
from collective.servicedesk.replies.storage import add_reply
from tests.services.examples import write_example
from tests.services.helpers import make_inquiry
import pytest
import transaction

CODE = "k3J9xQ2mVb7LwP0a"


@pytest.fixture
def tracked(public_desk):
    inquiry = make_inquiry(
        public_desk, description="INTERNAL", responsible_handler="hanne"
    )
    add_reply(
        inquiry,
        {
            "channel": "sms",
            "subject": "",
            "text": "Vi brøyter i morgen.",
            "sender_name": "Hanne Handler",
            "recipient": "+4791234567",
        },
    )
    record(inquiry, "note", comment="INTERNAL NOTE")
    code = codes.issue(inquiry)
    transaction.commit()
    return inquiry, code


class TestTrack:
    def test_header(self, anon_request, tracked, functional_portal):
        inquiry, code = tracked
        response = anon_request.get(
            "/@servicedesk-track", headers={"X-Followup-Code": code}
        )
        assert response.status_code == 200
        data = response.json()
        assert data["reference_number"] == inquiry.reference_number
        assert data["state"] == "received" or data["state"] == "in_progress"
        assert [reply["text"] for reply in data["replies"]] == ["Vi brøyter i morgen."]
        assert data["replies"][0]["sender"] == ""
        assert "INTERNAL" not in response.text
        assert "+4791234567" not in response.text
        assert response.headers["Cache-Control"].startswith("no-store")
        write_example(
            "track-get",
            response,
            functional_portal.absolute_url(),
            replace={code: CODE},
        )

    def test_wrong_code(self, anon_request, tracked, functional_portal):
        response = anon_request.get(
            "/@servicedesk-track", headers={"X-Followup-Code": "nope"}
        )
        assert response.status_code == 404
        assert response.json()["error"]["type"] == "NotFound"
        write_example("track-get-404", response, functional_portal.absolute_url())

    def test_add_information(self, anon_request, tracked, functional_portal):
        inquiry, code = tracked
        body = {"information": "Bilen står der fortsatt."}
        response = anon_request.post(
            "/@servicedesk-track", json=body, headers={"X-Followup-Code": code}
        )
        assert response.status_code == 204
        transaction.begin()
        entry = [e for e in entries(inquiry) if e["action"] == FOLLOWUP_ACTION][-1]
        assert entry["comment"] == "Bilen står der fortsatt."

    def test_add_information_validation(self, anon_request, tracked):
        _inquiry, code = tracked
        response = anon_request.post(
            "/@servicedesk-track",
            json={"information": ""},
            headers={"X-Followup-Code": code},
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "information"

    def test_add_with_wrong_code(self, anon_request, tracked):
        response = anon_request.post(
            "/@servicedesk-track",
            json={"information": "Bilen står der fortsatt."},
            headers={"X-Followup-Code": "nope"},
        )
        assert response.status_code == 404
