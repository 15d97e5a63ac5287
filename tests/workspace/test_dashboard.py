"""The personal dashboard: my queue, unit queue, recently answered, FAQ to review."""

from AccessControl import Unauthorized
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from html import unescape
from plone import api
from plone.app.testing import login
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_kb
from tests.workspace.helpers import make_inquiry
import pytest


def dashboard(portal) -> str:
    return unescape(portal.restrictedTraverse("@@servicedesk-dashboard")())


class TestDashboard:
    def test_sections(self, portal, desk):
        now = datetime.now(UTC)
        make_inquiry(
            desk,
            "Min åpne",
            handler="agent",
            state="in_progress",
            due=now - timedelta(hours=1),
        )
        make_inquiry(desk, "Uten frist", handler="agent", state="assigned")
        make_inquiry(
            desk,
            "Besvart av meg",
            handler="agent",
            unit="servicedesk-frontdesk",
            state="answered",
        )
        make_inquiry(desk, "I enheten", unit="servicedesk-frontdesk", state="assigned")
        login(portal, "agent")
        html = dashboard(portal)
        mine = html.split('id="sd-dash-mine"', 1)[1].split("</section>", 1)[0]
        assert "Min åpne" in mine and "Uten frist" in mine
        assert "Besvart av meg" not in mine
        assert "1 overdue" in mine
        units = html.split('id="sd-dash-units"', 1)[1].split("</section>", 1)[0]
        assert "I enheten" in units and "Front desk" in units
        answered = html.split('id="sd-dash-answered"', 1)[1].split("</section>", 1)[0]
        assert "Besvart av meg" in answered
        assert 'id="sd-dash-faq"' not in html  # agents do not review FAQ
        assert "@@servicedesk-statistics" not in html  # nor see statistics

    def test_editor_sees_faq_to_review(self, portal, desk):
        kb = make_kb(portal)
        make_faq(kb, "Til gjennomgang", state="pending")
        make_faq(kb, "Publisert", state="published_internally")
        login(portal, "editor")
        html = dashboard(portal)
        faq = html.split('id="sd-dash-faq"', 1)[1].split("</section>", 1)[0]
        assert "Til gjennomgang" in faq
        assert "Publisert" not in faq

    def test_lead_gets_statistics_link(self, portal, desk):
        login(portal, "lead")
        assert "@@servicedesk-statistics" in dashboard(portal)

    def test_not_for_non_staff(self, portal, desk):
        api.user.create(
            username="citizen", email="c@example.org", password="secret-123456"
        )
        login(portal, "citizen")
        with pytest.raises(Unauthorized):
            portal.restrictedTraverse("@@servicedesk-dashboard")
