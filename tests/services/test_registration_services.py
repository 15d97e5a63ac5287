"""@servicedesk-register, @servicedesk-tally and @servicedesk-routing on the desk."""

from collective.servicedesk.categories.storage import add_category
from plone import api
from tests.services.examples import write_example
import pytest
import transaction


@pytest.fixture
def category(functional_portal):
    add_category("byggesak", {"nb": "Byggesak", "en": "Building permits"})
    transaction.commit()
    return "byggesak"


def desk_url(desk) -> str:
    return f"/{desk.getId()}"


class TestRegister:
    def test_happy_path(self, agent_request, public_desk, category, functional_portal):
        body = {
            "title": "Spørsmål om garasje",
            "channel": "phone",
            "category": category,
            "anonymous": True,
        }
        response = agent_request.post(
            desk_url(public_desk) + "/@servicedesk-register", json=body
        )
        assert response.status_code == 201, response.text
        data = response.json()
        transaction.begin()
        inquiry = public_desk[data["@id"].rsplit("/", 1)[-1]]
        assert inquiry.title == "Spørsmål om garasje"
        assert inquiry.category == category
        assert data["reference_number"] == inquiry.reference_number
        write_example(
            "register-post", response, functional_portal.absolute_url(), body=body
        )

    def test_register_and_close(self, agent_request, public_desk):
        response = agent_request.post(
            desk_url(public_desk) + "/@servicedesk-register",
            json={
                "title": "Åpningstider",
                "channel": "visit",
                "close": True,
                "answer": "08-15",
            },
        )
        assert response.status_code == 201
        assert response.json()["review_state"] == "closed"

    @pytest.mark.parametrize(
        "body,field",
        [
            ({"channel": "phone"}, "title"),
            ({"title": "x", "channel": "fax"}, "channel"),
            ({"title": "x", "channel": "phone", "category": "nope"}, "category"),
            (
                {"title": "x", "channel": "phone", "requester_email": "nope"},
                "requester_email",
            ),
            (
                {"title": "x", "channel": "phone", "due_date": "2001-01-01T10:00:00"},
                "due_date",
            ),
        ],
    )
    def test_validation(
        self, agent_request, public_desk, body, field, functional_portal
    ):
        response = agent_request.post(
            desk_url(public_desk) + "/@servicedesk-register", json=body
        )
        assert response.status_code == 400, response.text
        error = response.json()["error"]
        assert field in {item["field"] for item in error["errors"]}
        assert error["message"]
        if field == "title":
            write_example(
                "register-post-400",
                response,
                functional_portal.absolute_url(),
                body=body,
            )

    def test_denied(self, anon_request, member_request, public_desk):
        body = {"title": "x", "channel": "phone"}
        url = desk_url(public_desk) + "/@servicedesk-register"
        assert anon_request.post(url, json=body).status_code == 401
        assert member_request.post(url, json=body).status_code in (401, 403)
        transaction.begin()
        assert list(public_desk.objectIds()) == []


class TestTally:
    def test_happy_path(self, agent_request, public_desk, category, functional_portal):
        body = {"category": category, "channel": "phone"}
        response = agent_request.post(
            desk_url(public_desk) + "/@servicedesk-tally", json=body
        )
        assert response.status_code == 201
        assert response.json()["review_state"] == "closed"
        write_example(
            "tally-post", response, functional_portal.absolute_url(), body=body
        )

    def test_validation(self, agent_request, public_desk, category):
        response = agent_request.post(
            desk_url(public_desk) + "/@servicedesk-tally",
            json={"category": "nope", "channel": "pigeon"},
        )
        assert response.status_code == 400
        fields = {item["field"] for item in response.json()["error"]["errors"]}
        assert fields == {"category", "channel"}

    def test_denied(self, anon_request, public_desk, category):
        response = anon_request.post(
            desk_url(public_desk) + "/@servicedesk-tally",
            json={"category": category, "channel": "phone"},
        )
        assert response.status_code == 401


class TestRouting:
    def test_happy_path(self, agent_request, public_desk, category, functional_portal):
        response = agent_request.get(
            desk_url(public_desk) + "/@servicedesk-routing",
            params={"category": category},
        )
        assert response.status_code == 200
        data = response.json()
        assert data["category"] == category
        assert set(data) >= {"handler", "unit", "source", "reason"}
        write_example("routing-get", response, functional_portal.absolute_url())

    def test_validation(self, agent_request, public_desk):
        response = agent_request.get(
            desk_url(public_desk) + "/@servicedesk-routing", params={"category": "nope"}
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "category"

    def test_denied(self, anon_request, member_request, public_desk):
        url = desk_url(public_desk) + "/@servicedesk-routing"
        assert anon_request.get(url).status_code == 401
        assert member_request.get(url).status_code in (401, 403)


def test_agent_role_granted(users):
    assert "Service Desk Agent" in api.user.get_roles(username="agent-x")
