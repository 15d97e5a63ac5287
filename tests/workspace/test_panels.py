"""The panels: only for staff, switchable and placeable, filled from the catalog."""

from collective.servicedesk.directory.availability import set_status
from collective.servicedesk.messages import deliver
from collective.servicedesk.routing.competence import set_competence
from collective.servicedesk.routing.roster import add_period
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from html import unescape
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from tests.workspace.helpers import make_inquiry
from tests.workspace.pages import render
from tests.workspace.pages import render_all
import pytest
import re

PANELS = ("quickbar", "queue", "presence", "messages")
PREFIX = "collective.servicedesk.workspace"


def panels_in(html: str) -> set[str]:
    return {panel for panel in PANELS if f"sd-ws-{panel}" in html}


class TestVisibility:
    @pytest.mark.parametrize("user", ["agent", "handler", "editor", "lead"])
    def test_staff_see_all_panels(self, portal, http_request, desk, user):
        login(portal, user)
        assert panels_in(render(portal, http_request)) == set(PANELS)

    def test_anonymous_sees_nothing(self, portal, http_request, desk):
        logout()
        pages = render_all(portal, http_request)
        assert not any("sd-ws" in html for html in pages.values())

    def test_member_without_permission_sees_nothing(self, portal, http_request, desk):
        api.user.create(
            username="citizen", email="c@example.org", password="secret-123456"
        )
        login(portal, "citizen")
        assert not api.user.has_permission("collective.servicedesk: Use workspace")
        pages = render_all(portal, http_request)
        assert not any("sd-ws" in html for html in pages.values())

    def test_panels_on_an_ordinary_page(self, portal, http_request, desk):
        page = api.content.create(
            container=portal, type="Document", id="news", title="Nytt"
        )
        login(portal, "agent")
        assert panels_in(render(portal, http_request, context=page)) == set(PANELS)


class TestSettings:
    @pytest.mark.parametrize("panel", PANELS)
    def test_switch_off(self, portal, http_request, desk, panel):
        api.portal.set_registry_record(f"{PREFIX}.{panel}_enabled", False)
        login(portal, "agent")
        pages = render_all(portal, http_request)
        assert panel not in set().union(*(panels_in(html) for html in pages.values()))
        assert panels_in(pages["plone.portalheader"]) == set(PANELS) - {panel}

    @pytest.mark.parametrize(
        "location,manager",
        [
            ("abovecontent", "plone.abovecontent"),
            ("belowcontent", "plone.belowcontent"),
            ("footer", "plone.portalfooter"),
        ],
    )
    def test_choose_where(self, portal, http_request, desk, location, manager):
        api.portal.set_registry_record(f"{PREFIX}.queue_location", location)
        login(portal, "agent")
        pages = render_all(portal, http_request)
        assert "queue" in panels_in(pages[manager])
        assert "queue" not in panels_in(pages["plone.portalheader"])
        assert f"sd-ws--{location}" in pages[manager]


class TestQueuePanel:
    def test_counts_and_highlights(self, portal, http_request, desk):
        now = datetime.now(UTC)
        make_inquiry(
            desk,
            "Forfalt",
            handler="agent",
            state="assigned",
            due=now - timedelta(hours=2),
        )
        make_inquiry(
            desk,
            "Snart",
            handler="agent",
            state="assigned",
            due=now + timedelta(minutes=30),
        )
        make_inquiry(
            desk,
            "Senere",
            handler="agent",
            state="in_progress",
            due=now + timedelta(days=9),
        )
        make_inquiry(desk, "Ferdig", handler="agent", state="closed")
        make_inquiry(desk, "Andres", handler="agent2", state="assigned")
        login(portal, "agent")
        html = render(portal, http_request)
        assert re.search(r'data-sd-queue-count(="")? *>3<', html)
        assert "1 overdue" in html
        assert "1 due soon" in html
        assert "sd-due--overdue" in html
        assert "Forfalt" in html and "Senere" in html
        assert "Ferdig" not in html and "Andres" not in html

    def test_lead_sees_unit_queues(self, portal, http_request, desk):
        make_inquiry(desk, "Bygg", unit="servicedesk-building", state="assigned")
        make_inquiry(desk, "Vei", unit="servicedesk-technical", state="assigned")
        login(portal, "lead")
        html = unescape(render(portal, http_request))
        assert "Units' queues" in html
        assert "Building and planning" in html and "Technical services" in html

    def test_handler_sees_own_unit(self, portal, http_request, desk):
        make_inquiry(desk, "Bygg", unit="servicedesk-building", state="assigned")
        make_inquiry(desk, "Vei", unit="servicedesk-technical", state="assigned")
        login(portal, "handler")
        html = unescape(render(portal, http_request))
        assert "My unit's queue" in html
        assert "Building and planning" in html
        assert "Technical services" not in html


class TestPresencePanel:
    def test_duty_status_and_competence(self, portal, http_request, desk):
        now = datetime.now(UTC)
        add_period(
            "handler",
            ["building-permits"],
            now - timedelta(hours=1),
            now + timedelta(hours=3),
        )
        add_period(
            "handler2",
            ["social-assistance"],
            now + timedelta(days=1),
            now + timedelta(days=2),
        )
        set_competence("water-sewage", ["group:servicedesk-technical"])
        set_status("handler3", "busy")
        login(portal, "agent")
        html = render(portal, http_request)
        assert "On duty now" in html
        assert "Building permits" in html or "Byggesak" in html
        assert "Per Byggmester" in html
        assert "Ingrid Helse" not in html  # on duty only tomorrow
        assert 'data-sd-person="handler3"' in html
        assert "Busy" in html
        assert "Water and sewage" in html or "Vann og avløp" in html

    def test_many_colleagues_the_best_reachable_first_and_a_link(
        self, portal, http_request, desk
    ):
        from collective.servicedesk.workspace.presence import board
        from collective.servicedesk.workspace.presence import seen

        for n in range(20):
            seen.touch(f"colleague{n:02d}", f"Kollega {n:02d}")
        set_status("colleague07", "available")
        login(portal, "agent")
        html = render(portal, http_request)
        shown = re.findall(r'data-sd-person="([^"]+)"', html)
        assert len(shown) == 12
        everyone = board.colleagues("agent")
        assert len(everyone) >= 20
        assert "colleague07" in shown
        more = re.search(r"(\d+)\s+more colleagues on the dashboard", unescape(html))
        assert more, "no link to the other colleagues"
        assert int(more.group(1)) == len(everyone) - 12
        assert "@@servicedesk-dashboard#sd-dash-presence" in html

    def test_my_status_is_pressed(self, portal, http_request, desk):
        set_status("agent", "away")
        login(portal, "agent")
        html = render(portal, http_request)
        assert 'value="away" aria-pressed="true"' in html
        assert 'value="available" aria-pressed="false"' in html


class TestMessagesPanel:
    def test_unread_count_and_dropdown(self, portal, http_request, desk):
        deliver("agent", "Ny sak til deg", "Tekst", url="http://nohost/plone/desk")
        deliver("agent", "Purring", "Tekst")
        login(portal, "agent")
        html = render(portal, http_request)
        assert "sd-badge--unread" in html
        assert ">2<" in html.split("sd-ws-messages", 1)[1]
        assert "Ny sak til deg" in html and "Purring" in html
        assert "@@message-box" in html
