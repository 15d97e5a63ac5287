"""The workspace services: timeline, answer, quick action and people search."""

from collective.servicedesk.messages.notes import add_note
from plone import api
from tests.services.examples import write_example
from tests.services.helpers import make_inquiry
import pytest
import re
import transaction

# write_example makes the UTC part of a local time stable; the offset stays.
LOCAL = re.compile(r"2026-03-02T09:15:00\+00:00\+0[12]:00")


@pytest.fixture
def inquiry(public_desk, users):
    with api.env.adopt_roles(["Manager"]):
        if api.group.get(groupname="servicedesk-building") is None:
            api.group.create(groupname="servicedesk-building", title="Byggesak")
        api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
    obj = make_inquiry(
        public_desk,
        description="Hvor høy kan garasjen være?",
        requester_name="Åse Nordmann",
        requester_email="ase@example.no",
    )
    with api.env.adopt_roles(["Manager"]):
        add_note(obj, "Ringte innbygger", author_id="agent-x")
    transaction.commit()
    return obj


def url(obj, service: str) -> str:
    return f"/{obj.aq_parent.getId()}/{obj.getId()}/{service}"


def example(name, response, portal, body=None, inquiry=None):
    write_example(
        name,
        response,
        portal.absolute_url(),
        body=body,
        replace={inquiry.getId(): "2026-000123"} if inquiry is not None else None,
    )
    path = write_example.__globals__["EXAMPLES"] / f"{name}.json"
    path.write_text(LOCAL.sub("2026-03-02T10:15:00+01:00", path.read_text()))


class TestTimeline:
    def test_entries_with_names_and_local_time(
        self, manager_request, inquiry, functional_portal
    ):
        response = manager_request.get(url(inquiry, "@servicedesk-timeline"))
        assert response.status_code == 200, response.text
        items = response.json()["items"]
        assert [item["kind"] for item in items] == ["created", "note"]
        assert items[1]["who_name"] == "Agent X"
        assert items[1]["when"].endswith("+00:00")
        assert items[1]["when_local"][-6:] in ("+01:00", "+02:00")
        example("timeline-get", response, functional_portal, inquiry=inquiry)

    def test_notes_hidden_from_member(self, member_request, anon_request, inquiry):
        assert anon_request.get(url(inquiry, "@servicedesk-timeline")).status_code in (
            401,
            403,
            404,
        )
        assert member_request.get(
            url(inquiry, "@servicedesk-timeline")
        ).status_code in (401, 403, 404)

    def test_filter(self, manager_request, inquiry):
        response = manager_request.get(
            url(inquiry, "@servicedesk-timeline") + "?audience=citizen"
        )
        assert response.json()["items"] == []


class TestAnswer:
    def test_reply_and_close(self, manager_request, inquiry, functional_portal):
        body = {
            "channel": "letter",
            "text": "Garasjen kan være inntil 4 meter.",
            "recipient_name": "Åse Nordmann",
            "recipient_address": "Gata 1\n1234 Byen",
            "close": True,
        }
        response = manager_request.post(url(inquiry, "@servicedesk-answer"), json=body)
        assert response.status_code == 201, response.text
        data = response.json()
        assert data["answered"] is True and data["closed"] is True
        assert data["review_state"] == "closed"
        transaction.begin()
        assert inquiry.answer == body["text"]
        example("answer-post", response, functional_portal, body, inquiry)

    def test_keep_open(self, manager_request, inquiry):
        body = {
            "channel": "letter",
            "text": "Vi ser på saken.",
            "recipient_name": "Åse",
            "keep_open": True,
        }
        response = manager_request.post(url(inquiry, "@servicedesk-answer"), json=body)
        assert response.status_code == 201
        assert response.json()["review_state"] == "registered"

    def test_validation(self, manager_request, inquiry):
        body = {"channel": "email", "text": "Hei", "recipient": "nope"}
        response = manager_request.post(url(inquiry, "@servicedesk-answer"), json=body)
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "recipient"

    def test_placeholders_filled_and_empty_ones_refused(self, manager_request, inquiry):
        body = {"channel": "letter", "text": "Hei {name}!", "recipient_name": "Åse"}
        response = manager_request.post(url(inquiry, "@servicedesk-answer"), json=body)
        assert response.status_code == 201
        assert response.json()["reply"]["text"] == "Hei Åse Nordmann!"
        body["text"] = "Om {category} ({nmae})"
        response = manager_request.post(url(inquiry, "@servicedesk-answer"), json=body)
        assert response.status_code == 400
        assert "{category}" in response.json()["error"]["message"]

    def test_denied(self, member_request, inquiry):
        body = {"channel": "letter", "text": "x", "recipient_name": "y"}
        response = member_request.post(url(inquiry, "@servicedesk-answer"), json=body)
        assert response.status_code in (401, 403, 404)


class TestQuickAction:
    def test_forward_with_reason(self, manager_request, inquiry, functional_portal):
        body = {
            "action": "forward",
            "handler": "agent-x",
            "unit": "servicedesk-building",
            "reason": "Byggesak",
        }
        response = manager_request.post(url(inquiry, "@servicedesk-action"), json=body)
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["responsible_handler"] == "agent-x"
        assert data["review_state"] == "forwarded"
        example("action-post", response, functional_portal, body, inquiry)

    def test_forward_needs_reason(self, manager_request, inquiry):
        body = {"action": "forward", "handler": "agent-x", "reason": " "}
        response = manager_request.post(url(inquiry, "@servicedesk-action"), json=body)
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "reason"

    def test_close_without_answer_conflicts(self, manager_request, inquiry):
        response = manager_request.post(
            url(inquiry, "@servicedesk-action"), json={"action": "close"}
        )
        assert response.status_code == 409

    def test_unknown_action(self, manager_request, inquiry):
        response = manager_request.post(
            url(inquiry, "@servicedesk-action"), json={"action": "explode"}
        )
        assert response.status_code == 400

    def test_member_denied(self, member_request, inquiry):
        response = member_request.post(
            url(inquiry, "@servicedesk-action"), json={"action": "take"}
        )
        assert response.status_code in (401, 403, 404)


class TestPeople:
    def test_search_by_name(self, manager_request, inquiry, functional_portal):
        response = manager_request.get("/@servicedesk-people?q=Agent")
        assert response.status_code == 200, response.text
        people = response.json()["people"]
        assert [p["id"] for p in people] == ["agent-x"]
        assert people[0]["name"] == "Agent X"
        example("people-get", response, functional_portal)

    def test_short_query_finds_nothing(self, manager_request, inquiry):
        response = manager_request.get("/@servicedesk-people?q=A")
        assert response.json() == {"people": [], "units": []}
