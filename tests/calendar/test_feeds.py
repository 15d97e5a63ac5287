"""iCalendar feeds: parse with icalendar, token authenticates, revoke gives 404."""

from collective.servicedesk.calendar import tokens
from collective.servicedesk.routing.roster import add_period
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from icalendar import Calendar
from plone import api
from tests.workspace.helpers import make_desk
from tests.workspace.helpers import make_inquiry
import pytest
import requests
import transaction


@pytest.fixture
def feed_site(functional_portal):
    portal = functional_portal
    desk = make_desk(portal)
    now = datetime.now(UTC).replace(microsecond=0)
    make_inquiry(
        desk,
        "Ola Nordmann om garasje",
        handler="agent",
        state="assigned",
        category="building-permits",
        due=now + timedelta(days=1),
    )
    make_inquiry(desk, "Uten frist", handler="agent", state="assigned")
    make_inquiry(
        desk, "Annens", handler="agent2", state="assigned", due=now + timedelta(days=2)
    )
    make_inquiry(
        desk, "Lukket", handler="agent", state="closed", due=now + timedelta(days=3)
    )
    add_period(
        "agent",
        ["building-permits"],
        now + timedelta(days=1),
        now + timedelta(days=1, hours=8),
    )
    add_period(
        "handler", ["water-sewage"], now - timedelta(hours=2), now + timedelta(hours=6)
    )
    token = tokens.create("agent", "Outlook")
    transaction.commit()
    return portal, token, now


def feed(portal, token: str, name: str) -> requests.Response:
    # Anonymous: calendar clients cannot log in; the token is the credential.
    return requests.get(
        f"{portal.absolute_url()}/@@servicedesk-ical/{token}/{name}.ics", timeout=30
    )


class TestFeeds:
    def test_deadlines(self, feed_site):
        portal, token, now = feed_site
        response = feed(portal, token, "deadlines")
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/calendar")
        calendar = Calendar.from_ical(response.content)
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 1
        event = events[0]
        assert event["DTEND"].dt == now + timedelta(days=1)
        summary = str(event["SUMMARY"])
        assert summary.startswith("Due: 2026-") or summary.startswith("Due: ")
        # Privacy: the summary carries reference and category, never the text.
        assert "Ola Nordmann" not in response.text
        assert "Building permits" in summary or "Byggesak" in summary
        assert str(event["URL"]).startswith(portal.absolute_url())

    def test_roster(self, feed_site):
        portal, token, now = feed_site
        response = feed(portal, token, "roster")
        assert response.status_code == 200
        events = list(Calendar.from_ical(response.content).walk("VEVENT"))
        assert len(events) == 2
        summaries = sorted(str(event["SUMMARY"]) for event in events)
        assert any("Kari Nordmann" in s for s in summaries)
        assert any("Per Byggmester" in s for s in summaries)
        mine = next(e for e in events if "Kari Nordmann" in str(e["SUMMARY"]))
        assert mine["DTSTART"].dt == now + timedelta(days=1)

    @pytest.mark.parametrize("name", ["deadlines", "roster"])
    def test_revoke(self, feed_site, name):
        portal, token, _now = feed_site
        assert feed(portal, token, name).status_code == 200
        (stored,) = tokens.list_tokens("agent")
        assert tokens.revoke("agent", stored["id"]) is True
        transaction.commit()
        assert feed(portal, token, name).status_code == 404

    @pytest.mark.parametrize(
        "token,name",
        [("not-a-token", "deadlines"), ("", "roster"), (None, "nosuchfeed")],
    )
    def test_bad_urls(self, feed_site, token, name):
        portal, real, _now = feed_site
        assert feed(portal, real if token is None else token, name).status_code == 404

    def test_staff_role_removed(self, feed_site):
        portal, token, _now = feed_site
        api.group.remove_user(groupname="servicedesk-frontdesk", username="agent")
        transaction.commit()
        assert feed(portal, token, "deadlines").status_code == 404
