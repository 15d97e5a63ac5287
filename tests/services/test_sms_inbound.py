"""@servicedesk-sms: the inbound SMS webhook with a shared secret."""

from tests.services.examples import write_example
from tests.services.helpers import make_inquiry
import pytest
import transaction

SECRET = "gateway-shared-secret"


@pytest.fixture
def secret(functional_portal, monkeypatch):
    # The webhook's secret comes from the environment only.
    monkeypatch.setenv("SERVICEDESK_SMS_SECRET", SECRET)


class TestSMSWebhook:
    def test_new_inquiry(self, anon_request, public_desk, secret, functional_portal):
        body = {"from": "+4791234567", "text": "Vannet er brunt i Storgata 3"}
        response = anon_request.post(
            "/@servicedesk-sms", json=body, headers={"X-Servicedesk-Secret": SECRET}
        )
        assert response.status_code == 201
        data = response.json()
        assert data["outcome"] == "created" and "@id" not in data
        transaction.begin()
        [inquiry] = public_desk.objectValues()
        assert inquiry.channel == "sms" and inquiry.requester_phone == "+4791234567"
        write_example(
            "sms-post",
            response,
            functional_portal.absolute_url(),
            body=body,
            replace={SECRET: "SHARED-SECRET"},
        )

    def test_form_encoded_followup(self, anon_request, public_desk, secret):
        inquiry = make_inquiry(public_desk, requester_phone="+47 912 34 567")
        transaction.commit()
        response = anon_request.post(
            "/@servicedesk-sms",
            data={
                "from": "91234567",
                "text": f"Ang. {inquiry.reference_number}: verre",
            },
            headers={"X-Servicedesk-Secret": SECRET},
        )
        assert response.status_code == 200
        assert response.json()["outcome"] == "followup"

    @pytest.mark.parametrize("given", ["", "wrong", SECRET + "x"])
    def test_wrong_secret(self, anon_request, public_desk, secret, given):
        response = anon_request.post(
            "/@servicedesk-sms",
            json={"from": "91234567", "text": "hei"},
            headers={"X-Servicedesk-Secret": given},
        )
        assert response.status_code == 403
        transaction.begin()
        assert list(public_desk.objectIds()) == []

    def test_off_without_secret(self, anon_request, public_desk):
        response = anon_request.post(
            "/@servicedesk-sms",
            json={"text": "hei"},
            headers={"X-Servicedesk-Secret": ""},
        )
        assert response.status_code == 403

    @pytest.mark.parametrize(
        "body,field",
        [
            ({"from": "91234567", "text": " "}, "text"),
            ({"from": "abc", "text": "hei"}, "from"),
        ],
    )
    def test_validation(self, anon_request, public_desk, secret, body, field):
        response = anon_request.post(
            "/@servicedesk-sms", json=body, headers={"X-Servicedesk-Secret": SECRET}
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == field
