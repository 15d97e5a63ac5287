"""@servicedesk-queue, @servicedesk-statistics and @servicedesk-subject-export."""

from plone import api
from tests.services.examples import write_example
from tests.services.helpers import make_inquiry
import pytest
import transaction


@pytest.fixture
def assigned(public_desk, users):
    obj = make_inquiry(
        public_desk, responsible_handler="agent-x", requester_email="ase@example.no"
    )
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=obj, transition="assign")
    transaction.commit()
    return obj


class TestQueue:
    def test_my_queue(self, agent_request, assigned, functional_portal):
        response = agent_request.get(
            "/service-desk/@servicedesk-queue", params={"queue": "mine"}
        )
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["items_total"] == 1
        assert data["items"][0]["reference"] == assigned.reference_number
        write_example(
            "queue-get",
            response,
            functional_portal.absolute_url(),
            replace={assigned.getId(): "2026-000123"},
        )

    @pytest.mark.parametrize(
        "params,field",
        [
            ({"queue": "bogus"}, "queue"),
            ({"b_size": "0"}, "b_size"),
            ({"b_start": "x"}, "b_start"),
        ],
    )
    def test_validation(self, agent_request, assigned, params, field):
        response = agent_request.get("/service-desk/@servicedesk-queue", params=params)
        assert response.status_code == 400
        assert response.json()["error"]["field"] == field

    def test_denied(self, anon_request, member_request, assigned):
        assert anon_request.get("/service-desk/@servicedesk-queue").status_code == 401
        assert member_request.get("/service-desk/@servicedesk-queue").status_code in (
            401,
            403,
        )


class TestStatistics:
    def test_report(self, manager_request, assigned, functional_portal):
        response = manager_request.get(
            "/@servicedesk-statistics", params={"period": "month"}
        )
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["total"] == 1
        assert data["filters"]["period"] == "month"

    def test_validation(self, manager_request, assigned):
        response = manager_request.get(
            "/@servicedesk-statistics", params={"start": "32.13.2026"}
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "start"

    def test_denied(self, anon_request, agent_request, assigned):
        assert anon_request.get("/@servicedesk-statistics").status_code == 401
        assert agent_request.get("/@servicedesk-statistics").status_code in (401, 403)


class TestSubjectExport:
    def test_export(self, manager_request, assigned):
        body = {"email": "ase@example.no", "reason": "Request 2026/77"}
        response = manager_request.post("/@servicedesk-subject-export", json=body)
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["items_total"] == 1
        assert data["items"][0]["reference_number"] == assigned.reference_number

    @pytest.mark.parametrize(
        "body,field",
        [({"reason": "x"}, "email"), ({"email": "ase@example.no"}, "reason")],
    )
    def test_validation(self, manager_request, assigned, body, field):
        response = manager_request.post("/@servicedesk-subject-export", json=body)
        assert response.status_code == 400
        assert field in {e["field"] for e in response.json()["error"]["errors"]}

    def test_denied(self, anon_request, agent_request, assigned):
        body = {"email": "ase@example.no", "reason": "x"}
        assert (
            anon_request.post("/@servicedesk-subject-export", json=body).status_code
            == 401
        )
        assert agent_request.post(
            "/@servicedesk-subject-export", json=body
        ).status_code in (401, 403)
