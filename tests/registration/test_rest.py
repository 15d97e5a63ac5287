"""REST: POST an Inquiry to the service desk; bad values give 400 naming the field."""

from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from tests.registration.helpers import make_desk
import pytest
import transaction


@pytest.fixture
def agent_api(functional_portal, request_factory):
    make_desk(functional_portal)
    transaction.commit()
    return request_factory(basic_auth=("agent", DEMO_PASSWORD))


def future() -> str:
    return (datetime.now(UTC) + timedelta(days=3)).isoformat()


def past() -> str:
    return (datetime.now(UTC) - timedelta(days=1)).isoformat()


VALID = {"@type": "Inquiry", "title": "Via REST", "channel": "email"}


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("requester_email", "not-an-email", "not a valid e-mail address"),
        ("requester_phone", "call me", "not a valid phone number"),
        ("category", "no-such-category", ""),
        ("due_date", past(), "The due date is in the past"),
        ("channel", "pigeon", ""),
    ],
)
def test_bad_value_is_rejected_with_the_field_named(agent_api, field, value, message):
    response = agent_api.post("/desk", json={**VALID, field: value})
    assert response.status_code == 400, response.text
    body = response.json()
    errors = body["message"] if isinstance(body.get("message"), list) else None
    text = response.text
    assert field in text
    assert message in text
    if errors is not None:
        assert any(error.get("field") == field for error in errors), errors


def test_valid_inquiry_is_created(agent_api):
    response = agent_api.post(
        "/desk",
        json={
            **VALID,
            "category": "building-permits",
            "requester_email": "ola@example.no",
            "requester_phone": "+47 41234567",
            "due_date": future(),
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["reference_number"]
    assert body["category"]["token"] == "building-permits"
    assert body["tally"] is False


def test_unchanged_past_due_date_may_be_sent_back(agent_api, functional_portal):
    """A PATCH that repeats an existing (now past) due date is not an error."""
    created = agent_api.post("/desk", json={**VALID, "due_date": future()}).json()
    transaction.begin()  # see what the server committed
    inquiry = functional_portal.desk[created["id"]]
    inquiry.due_date = datetime.now(UTC) - timedelta(days=1)
    transaction.commit()
    url = "/desk/" + created["id"]
    response = agent_api.patch(
        url, json={"title": "Endret", "due_date": inquiry.due_date.isoformat()}
    )
    assert response.status_code == 204, response.text
    response = agent_api.patch(url, json={"due_date": past()})
    assert response.status_code == 400
    assert "due_date" in response.text
