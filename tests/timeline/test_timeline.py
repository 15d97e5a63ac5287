"""One timeline: history, replies and notes in one stream, names and local times."""

from collective.servicedesk.content.assignment import assign
from collective.servicedesk.messages.notes import add_note
from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.timeline.entries import for_display
from collective.servicedesk.timeline.entries import timeline
from plone import api


def _kinds(items):
    return [item["kind"] for item in items]


class TestTimeline:
    def test_one_stream_newest_last(self, inquiry):
        assign(
            inquiry, handler="handler", unit="servicedesk-building", reason="Byggesak"
        )
        add_note(inquiry, "Ringte innbygger", author_id="agent")
        send_reply(inquiry, "letter", "Svar", recipient_name="Åse Nordmann")
        items = timeline(inquiry)
        assert _kinds(items) == ["created", "routing", "note", "reply_letter"]
        whens = [item["when"] for item in items]
        assert whens == sorted(whens)

    def test_names_not_ids(self, inquiry):
        assign(inquiry, handler="handler", unit="servicedesk-building", reason="x")
        routing = timeline(inquiry)[1]
        handler, unit = routing["changes"]
        assert handler["after"] == "Per Byggmester"
        assert unit["after"] == "Building and planning"
        created = timeline(inquiry)[0]
        assert created["who_name"] == "Kari Nordmann"

    def test_filters(self, inquiry):
        add_note(inquiry, "intern", author_id="agent")
        send_reply(inquiry, "letter", "Svar", recipient_name="Åse")
        assert _kinds(timeline(inquiry, "citizen")) == ["reply_letter"]
        assert _kinds(timeline(inquiry, "internal")) == ["created", "note"]

    def test_notes_hidden_without_permission(self, inquiry, portal):
        add_note(inquiry, "intern", author_id="agent")
        api.user.create(
            email="x@example.org", username="outsider", password="pw-123456"
        )
        api.user.grant_roles(username="outsider", obj=inquiry, roles=["Reader"])
        with api.env.adopt_user(username="outsider"):
            kinds = _kinds(timeline(inquiry))
        assert "note" not in kinds

    def test_local_time_summer_and_winter(self, inquiry):
        from datetime import UTC
        from datetime import datetime

        api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
        items = [
            {"when": datetime(2026, 7, 1, 10, 0, tzinfo=UTC)},
            {"when": datetime(2026, 12, 1, 10, 0, tzinfo=UTC)},
        ]
        shown = [item["when_local"] for item in for_display(items)]
        assert shown == ["01.07.2026 12:00", "01.12.2026 11:00"]
