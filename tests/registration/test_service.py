"""Registering, routing, register-and-close and tally mode (integration)."""

from collective.servicedesk.history import entries
from collective.servicedesk.registration import service
from collective.servicedesk.routing import Suggestion
from collective.servicedesk.routing.competence import set_competence
from datetime import UTC
from plone import api
import pytest


def catalog_count(**query) -> int:
    return len(api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query))


class TestRegister:
    def test_minimum_fields(self, desk):
        inquiry = service.register(desk, {"channel": "phone", "title": "Spørsmål"})
        assert inquiry.reference_number
        assert inquiry.channel == "phone"
        assert inquiry.title == "Spørsmål"
        # Without a category there is no suggestion: nobody is assigned.
        assert api.content.get_state(inquiry) == "registered"
        assert inquiry.responsible_handler is None
        assert inquiry.responsible_unit is None

    def test_routed_to_the_category_unit(self, desk):
        inquiry = service.register(
            desk,
            {"channel": "phone", "title": "Garasje", "category": "building-permits"},
        )
        assert inquiry.responsible_unit == "servicedesk-building"
        assert inquiry.responsible_handler is None
        assert api.content.get_state(inquiry) == "assigned"
        assert (
            catalog_count(
                responsible_unit="servicedesk-building", review_state="assigned"
            )
            == 1
        )
        reassigned = [e for e in entries(inquiry) if e["action"] == "reassigned"]
        assert len(reassigned) == 1
        assert reassigned[0]["changes"]["responsible_unit"] == [
            None,
            "servicedesk-building",
        ]
        assert "queue" in reassigned[0]["comment"]

    def test_competent_person_beats_the_unit(self, desk):
        set_competence("building-permits", ["user:handler"])
        inquiry = service.register(
            desk,
            {"channel": "email", "title": "Tilbygg", "category": "building-permits"},
        )
        assert inquiry.responsible_handler == "handler"
        assert inquiry.responsible_unit == "servicedesk-building"

    def test_override_is_recorded_with_the_reason(self, desk):
        inquiry = service.register(
            desk,
            {"channel": "phone", "title": "Vannkum", "category": "building-permits"},
            handler="handler3",
            unit="servicedesk-technical",
            reason="Gjelder vannledningen, ikke byggesak",
        )
        assert inquiry.responsible_handler == "handler3"
        assert inquiry.responsible_unit == "servicedesk-technical"
        (entry,) = [e for e in entries(inquiry) if e["action"] == "reassigned"]
        assert "Gjelder vannledningen, ikke byggesak" in entry["comment"]
        assert "overridden" in entry["comment"]
        assert entry["who"] == "agent"

    def test_service_level_from_the_category_unless_chosen(self, desk):
        inquiry = service.register(
            desk, {"channel": "phone", "title": "Bygg", "category": "building-permits"}
        )
        assert inquiry.service_level == "4"
        inquiry = service.register(
            desk,
            {
                "channel": "phone",
                "title": "Bygg",
                "category": "building-permits",
                "service_level": "2",
            },
        )
        assert inquiry.service_level == "2"

    def test_due_date_from_the_service_promise(self, desk):
        inquiry = service.register(
            desk, {"channel": "phone", "title": "Vann", "category": "water-sewage"}
        )
        assert inquiry.due_date is not None
        assert inquiry.due_date > inquiry.created().asdatetime()

    def test_agent_due_date_is_kept(self, desk):
        from datetime import datetime
        from datetime import timedelta

        due = (datetime.now(UTC) + timedelta(days=9)).replace(microsecond=0)
        inquiry = service.register(
            desk,
            {
                "channel": "phone",
                "title": "Frist",
                "category": "water-sewage",
                "due_date": due,
            },
        )
        assert inquiry.due_date == due

    def test_anonymous_stores_no_personal_data(self, desk):
        inquiry = service.register(
            desk,
            {
                "channel": "visit",
                "title": "Anonym",
                "anonymous": True,
                "requester_name": "Ola Nordmann",
                "requester_phone": "41234567",
            },
        )
        assert inquiry.anonymous is True
        assert inquiry.requester_name is None
        assert inquiry.requester_phone is None


SUGGESTED = Suggestion("handler", "servicedesk-building", "competence", "why")
UNIT_ONLY = Suggestion(None, "servicedesk-building", "unit", "why")
NOTHING = Suggestion(None, None, None, "why")


@pytest.mark.parametrize(
    "suggestion,handler,unit,expected",
    [
        (SUGGESTED, None, None, False),  # nothing chosen: the suggestion applies
        (SUGGESTED, "handler", "servicedesk-building", False),  # same as suggested
        (SUGGESTED, "handler2", "servicedesk-health", True),
        (SUGGESTED, None, "servicedesk-building", True),  # drops the handler
        (UNIT_ONLY, None, "servicedesk-building", False),
        (UNIT_ONLY, "handler", "servicedesk-building", True),
        (NOTHING, "handler", None, False),  # nothing to override
        (None, "handler", None, False),
    ],
)
def test_is_override(suggestion, handler, unit, expected):
    assert service.is_override(suggestion, handler, unit) is expected


class TestRegisterAndClose:
    def test_closed_with_first_contact_answer(self, desk):
        inquiry = service.register_and_close(
            desk,
            {
                "channel": "phone",
                "title": "Åpningstider",
                "category": "building-permits",
            },
            answer="Åpent 8–15.",
        )
        assert api.content.get_state(inquiry) == "closed"
        assert inquiry.solved_first_contact is True
        assert inquiry.answer == "Åpent 8–15."
        # Solved at the desk: not sent to anyone's queue.
        assert inquiry.responsible_unit is None
        assert catalog_count(solved_first_contact=True, review_state="closed") == 1
        actions = [e["action"] for e in entries(inquiry)]
        assert any("close" in action for action in actions), actions

    def test_closed_without_answer_text(self, desk):
        inquiry = service.register_and_close(
            desk, {"channel": "visit", "title": "Kart"}
        )
        assert api.content.get_state(inquiry) == "closed"
        assert inquiry.solved_first_contact is True


class TestTally:
    def test_tally_is_counted_and_closed(self, desk):
        inquiry = service.register_tally(
            desk, "building-permits", "visit", category_title="Building permits"
        )
        assert inquiry.title == "Tally: Building permits"
        assert inquiry.tally is True
        assert inquiry.category == "building-permits"
        assert inquiry.channel == "visit"
        assert inquiry.description == ""
        assert api.content.get_state(inquiry) == "closed"
        assert catalog_count(tally=True, inquiry_category="building-permits") == 1
        assert catalog_count(portal_type="Inquiry", tally=False) == 0

    def test_regular_inquiries_are_not_tallies(self, desk):
        service.register(desk, {"channel": "phone", "title": "Vanlig"})
        assert catalog_count(portal_type="Inquiry", tally=False) == 1
        assert catalog_count(portal_type="Inquiry", tally=True) == 0
