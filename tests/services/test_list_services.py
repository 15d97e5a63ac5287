"""@servicedesk-caller and @servicedesk-bulk over REST."""

from plone import api
from tests.services.examples import write_example
from tests.services.helpers import make_inquiry
import pytest
import transaction


@pytest.fixture
def inquiries(public_desk, users):
    first = make_inquiry(public_desk, title="Garasje", requester_phone="91234567")
    second = make_inquiry(
        public_desk, title="Bostøtte", requester_email="ase@example.no", answer="Ja"
    )
    with api.env.adopt_roles(["Manager"]):
        first.reindexObject()
        second.reindexObject()
    transaction.commit()
    return first, second


def desk_path(desk, service: str) -> str:
    return f"/{desk.getId()}/{service}"


class TestCaller:
    def test_phone_lookup(
        self, agent_request, public_desk, inquiries, functional_portal
    ):
        body = {"phone": "+47 912 34 567"}
        response = agent_request.post(
            desk_path(public_desk, "@servicedesk-caller"), json=body
        )
        assert response.status_code == 200, response.text
        data = response.json()
        assert [item["title"] for item in data["items"]] == ["Garasje"]
        assert data["total"] == 1
        write_example(
            "caller-post", response, functional_portal.absolute_url(), body=body
        )

    def test_member_may_not(self, member_request, public_desk, inquiries):
        response = member_request.post(
            desk_path(public_desk, "@servicedesk-caller"), json={"phone": "91234567"}
        )
        assert response.status_code in (401, 403)

    def test_too_long_is_400(self, agent_request, public_desk, inquiries):
        response = agent_request.post(
            desk_path(public_desk, "@servicedesk-caller"), json={"email": "x" * 300}
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "email"


class TestBulk:
    def test_close_and_refusals(
        self, agent_request, public_desk, inquiries, functional_portal
    ):
        first, second = inquiries
        body = {"action": "close", "uids": [first.UID(), second.UID()]}
        response = agent_request.post(
            desk_path(public_desk, "@servicedesk-bulk"), json=body
        )
        assert response.status_code == 200, response.text
        data = response.json()
        # The answered one closes; the unanswered one is refused with the reason.
        assert [item["uid"] for item in data["done"]] == [second.UID()]
        assert [item["uid"] for item in data["refused"]] == [first.UID()]
        assert "answer" in data["refused"][0]["message"]
        write_example(
            "bulk-post", response, functional_portal.absolute_url(), body=body
        )
        transaction.begin()
        assert api.content.get_state(second) == "closed"
        assert api.content.get_state(first) == "registered"

    def test_unknown_action_is_400(self, agent_request, public_desk, inquiries):
        response = agent_request.post(
            desk_path(public_desk, "@servicedesk-bulk"),
            json={"action": "delete", "uids": [inquiries[0].UID()]},
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "action"


class TestSavedViews:
    def test_save_and_list(self, agent_request, public_desk, users, functional_portal):
        path = desk_path(public_desk, "@servicedesk-saved-views")
        body = {"name": "Byggesak", "filters": {"category": "building-permits"}}
        response = agent_request.post(path, json=body)
        assert response.status_code == 200, response.text
        write_example(
            "saved-views-post", response, functional_portal.absolute_url(), body=body
        )
        listed = agent_request.get(path)
        assert [item["name"] for item in listed.json()["items"]] == ["Byggesak"]
        gone = agent_request.post(path, json={"delete": "Byggesak"})
        assert gone.json()["items"] == []

    def test_name_required(self, agent_request, public_desk, users):
        response = agent_request.post(
            desk_path(public_desk, "@servicedesk-saved-views"), json={"name": ""}
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "name"
