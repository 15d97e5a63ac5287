"""@servicedesk-ask: the citizen form for other front ends."""

from collective.servicedesk.citizen import codes
from collective.servicedesk.citizen import spam
from plone import api
from tests.services.examples import write_example
from tests.services.helpers import old_token
import transaction


def question(**values) -> dict:
    body = {
        "question": "Når blir det brøytet i Ørnevegen?",
        "contact": "anonymous",
        "form_started": old_token(),
    }
    body.update(values)
    return body


class TestAskForm:
    def test_get(self, anon_request, public_desk, functional_portal):
        response = anon_request.get("/@servicedesk-ask")
        assert response.status_code == 200
        data = response.json()
        assert data["contact_choices"] == ["anonymous", "email", "sms"]
        assert data["honeypot"] == "website"
        assert (
            spam.check_token(data["form_started"], now=__import__("time").time() + 60)
            is None
        )
        write_example(
            "ask-get",
            response,
            functional_portal.absolute_url(),
            replace={data["form_started"]: "1772442900.5f0c2a1b9e7d.SIGNATURE"},
        )


class TestAsk:
    def test_anonymous_question(self, anon_request, public_desk, functional_portal):
        body = question()
        response = anon_request.post("/@servicedesk-ask", json=body)
        assert response.status_code == 201
        data = response.json()
        transaction.begin()
        [inquiry] = public_desk.objectValues()
        assert data["reference_number"] == inquiry.reference_number
        assert codes.resolve(data["followup_code"]) == inquiry.UID()
        assert data["track_url"].endswith("/@@track")
        assert data["followup_code"] not in data["track_url"]
        assert inquiry.anonymous is True and inquiry.channel == "web"
        write_example(
            "ask-post",
            response,
            functional_portal.absolute_url(),
            body={**body, "form_started": "1772442900.5f0c2a1b9e7d.SIGNATURE"},
            replace={data["followup_code"]: "k3J9xQ2mVb7LwP0a"},
        )

    def test_validation_error_names_fields(
        self, anon_request, public_desk, functional_portal
    ):
        body = question(question="", contact="email", email="nope")
        response = anon_request.post("/@servicedesk-ask", json=body)
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["type"] == "BadRequest"
        assert error["field"] == "email"
        assert {item["field"] for item in error["errors"]} == {"email", "question"}
        assert "traceback" not in response.text
        write_example(
            "ask-post-400",
            response,
            functional_portal.absolute_url(),
            body={**body, "form_started": "1772442900.5f0c2a1b9e7d.SIGNATURE"},
        )

    def test_not_json(self, anon_request, public_desk):
        response = anon_request.post(
            "/@servicedesk-ask",
            data="nonsense",
            headers={"Content-Type": "application/json"},
        )
        assert response.status_code == 400
        assert (
            response.json()["error"]["message"]
            == "The request body must be a JSON object."
        )

    def test_honeypot_and_stamp(self, anon_request, public_desk):
        assert (
            anon_request.post(
                "/@servicedesk-ask", json=question(website="x")
            ).status_code
            == 400
        )
        response = anon_request.post(
            "/@servicedesk-ask", json=question(form_started="")
        )
        assert response.status_code == 400
        assert response.json()["error"]["reason"] == "spam"
        transaction.begin()
        assert list(public_desk.objectIds()) == []

    def test_rate_limit(self, anon_request, public_desk):
        api.portal.set_registry_record("collective.servicedesk.citizen_rate_limit", 2)
        transaction.commit()
        statuses = [
            anon_request.post("/@servicedesk-ask", json=question()).status_code
            for _ in range(4)
        ]
        assert statuses == [201, 201, 429, 429]

    def test_no_service_desk(self, anon_request, functional_portal):
        response = anon_request.post("/@servicedesk-ask", json=question())
        assert response.status_code == 503
