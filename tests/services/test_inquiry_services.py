"""@servicedesk-assign, @servicedesk-reply and @servicedesk-promote on an inquiry."""

from collective.servicedesk.replies.storage import list_replies
from plone import api
from tests.knowledge.helpers import make_kb
from tests.services.examples import write_example
from tests.services.helpers import make_inquiry
from tests.services.helpers import set_state
import pytest
import transaction

REPLACE = {}


@pytest.fixture
def inquiry(public_desk, users):
    with api.env.adopt_roles(["Manager"]):
        if api.group.get(groupname="servicedesk-building") is None:
            api.group.create(groupname="servicedesk-building", title="Byggesak")
    obj = make_inquiry(
        public_desk,
        description="Hvor høy kan garasjen være?",
        answer="Inntil 4 meter.",
        requester_email="ase@example.no",
    )
    transaction.commit()
    return obj


def url(obj, service: str) -> str:
    return f"/{obj.aq_parent.getId()}/{obj.getId()}/{service}"


class TestAssign:
    def test_happy_path(self, manager_request, inquiry, functional_portal):
        body = {
            "unit": "servicedesk-building",
            "handler": "agent-x",
            "reason": "Byggesak",
        }
        response = manager_request.post(url(inquiry, "@servicedesk-assign"), json=body)
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["responsible_unit"] == "servicedesk-building"
        assert data["responsible_handler"] == "agent-x"
        transaction.begin()
        assert inquiry.responsible_handler == "agent-x"
        write_example(
            "assign-post",
            response,
            functional_portal.absolute_url(),
            body=body,
            replace={inquiry.getId(): "2026-000123"},
        )

    @pytest.mark.parametrize(
        "body,field",
        [
            ({"handler": "nobody"}, "handler"),
            ({"unit": "no-unit"}, "unit"),
            ({}, "handler"),
        ],
    )
    def test_validation(self, manager_request, inquiry, body, field):
        response = manager_request.post(url(inquiry, "@servicedesk-assign"), json=body)
        assert response.status_code == 400
        assert response.json()["error"]["field"] == field

    def test_unchanged_is_conflict(self, manager_request, inquiry):
        body = {"unit": "servicedesk-building"}
        manager_request.post(url(inquiry, "@servicedesk-assign"), json=body)
        response = manager_request.post(url(inquiry, "@servicedesk-assign"), json=body)
        assert response.status_code == 409

    def test_denied(self, anon_request, member_request, inquiry):
        body = {"unit": "servicedesk-building"}
        assert (
            anon_request.post(
                url(inquiry, "@servicedesk-assign"), json=body
            ).status_code
            == 404
        )
        assert (
            member_request.post(
                url(inquiry, "@servicedesk-assign"), json=body
            ).status_code
            == 404
        )


class TestReply:
    def test_happy_path(self, manager_request, inquiry, functional_portal):
        body = {
            "channel": "email",
            "recipient": "ase@example.no",
            "text": "Inntil 4 meter.",
        }
        response = manager_request.post(url(inquiry, "@servicedesk-reply"), json=body)
        assert response.status_code == 201, response.text
        assert response.json()["channel"] == "email"
        transaction.begin()
        assert [reply["text"] for reply in list_replies(inquiry)] == ["Inntil 4 meter."]
        write_example(
            "reply-post",
            response,
            functional_portal.absolute_url(),
            body=body,
            replace={inquiry.getId(): "2026-000123"},
        )

    @pytest.mark.parametrize(
        "body,field",
        [
            ({"channel": "fax", "text": "x"}, "channel"),
            ({"channel": "email", "recipient": "nope", "text": "x"}, "recipient"),
        ],
    )
    def test_validation(self, manager_request, inquiry, body, field):
        response = manager_request.post(url(inquiry, "@servicedesk-reply"), json=body)
        assert response.status_code == 400
        assert response.json()["error"]["field"] == field

    def test_denied(self, anon_request, member_request, inquiry):
        body = {"channel": "email", "recipient": "ase@example.no", "text": "x"}
        assert (
            anon_request.post(url(inquiry, "@servicedesk-reply"), json=body).status_code
            == 404
        )
        assert (
            member_request.post(
                url(inquiry, "@servicedesk-reply"), json=body
            ).status_code
            == 404
        )


class TestPromote:
    @pytest.fixture
    def solved(self, inquiry, functional_portal):
        make_kb(functional_portal)
        set_state(inquiry, "closed")
        transaction.commit()
        return inquiry

    def test_happy_path(self, manager_request, solved, functional_portal):
        response = manager_request.post(
            url(solved, "@servicedesk-promote"), json={"kind": "faq"}
        )
        assert response.status_code == 201, response.text
        data = response.json()
        assert data["@type"] == "FAQEntry"
        assert "ase@example.no" not in response.text
        write_example(
            "promote-post",
            response,
            functional_portal.absolute_url(),
            body={"kind": "faq"},
            replace={solved.getId(): "2026-000123"},
        )

    def test_validation(self, manager_request, solved):
        response = manager_request.post(
            url(solved, "@servicedesk-promote"), json={"kind": "x"}
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "kind"

    def test_unsolved_is_conflict(self, manager_request, inquiry, functional_portal):
        make_kb(functional_portal)
        transaction.commit()
        response = manager_request.post(url(inquiry, "@servicedesk-promote"), json={})
        assert response.status_code == 409

    def test_denied(self, anon_request, member_request, solved):
        assert (
            anon_request.post(url(solved, "@servicedesk-promote"), json={}).status_code
            == 404
        )
        assert (
            member_request.post(
                url(solved, "@servicedesk-promote"), json={}
            ).status_code
            == 404
        )
