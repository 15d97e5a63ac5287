"""GETs of pages with every panel write nothing to the ZODB and wake no inquiry."""

from collective.servicedesk.content.inquiry import Inquiry
from collective.servicedesk.directory.availability import set_status
from collective.servicedesk.messages import deliver
from collective.servicedesk.routing.roster import add_period
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from tests.workspace.helpers import PASSWORD
from tests.workspace.helpers import make_desk
from tests.workspace.helpers import make_inquiry
import pytest
import requests
import transaction

PREFIX = "collective.servicedesk.workspace"


def awake_inquiries(db) -> int:
    """Inquiries loaded (not ghosts) in any connection of the database."""
    count = 0

    def visit(connection):
        nonlocal count
        for _oid, obj in connection._cache.items():
            if isinstance(obj, Inquiry) and obj._p_changed is not None:
                count += 1

    db._connectionMap(visit)
    return count


@pytest.fixture
def site(functional_portal):
    portal = functional_portal
    desk = make_desk(portal)
    now = datetime.now(UTC)
    for number in range(12):
        make_inquiry(
            desk,
            f"Sak {number}",
            handler="agent",
            unit="servicedesk-building",
            state="assigned",
            due=now + timedelta(hours=number - 4),
        )
    make_inquiry(desk, "Ferdig", handler="agent", state="closed")
    add_period(
        "handler",
        ["building-permits"],
        now - timedelta(hours=1),
        now + timedelta(hours=8),
    )
    set_status("handler", "busy")
    deliver("agent", "Til deg", "Tekst")
    page = api.content.create(
        container=portal, type="Document", id="intranet-page", title="Nytt"
    )
    transaction.commit()
    return portal, page


def session(user: str) -> requests.Session:
    browser = requests.Session()
    browser.auth = (user, PASSWORD)
    return browser


class TestNoWriteOnGet:
    @pytest.mark.parametrize(
        "location", ["top", "abovecontent", "belowcontent", "footer"]
    )
    def test_pages_with_panels(self, site, location):
        portal, page = site
        for panel in ("quickbar", "queue", "presence", "messages"):
            api.portal.set_registry_record(f"{PREFIX}.{panel}_location", location)
        transaction.commit()
        db = portal._p_jar.db()
        storage = db.storage
        agent, lead = session("agent"), session("lead")
        # Warm up once (Plone may set up caches of its own), then measure.
        agent.get(page.absolute_url())
        transaction.commit()
        db.cacheMinimize()
        before = storage.lastTransaction()
        urls = [
            (agent, page.absolute_url(), "sd-ws-queue"),
            (agent, portal.absolute_url(), "sd-ws-presence"),
            (agent, f"{portal.absolute_url()}/@@servicedesk-dashboard", "sd-dashboard"),
            (
                agent,
                f"{portal.absolute_url()}/@@servicedesk-calendar-feeds",
                "sd-feed-create",
            ),
            (lead, f"{portal.absolute_url()}/@@servicedesk-statistics", "sd-kpis"),
            (
                agent,
                f"{portal.absolute_url()}/@@servicedesk-faq-suggest?q=byggesak",
                "items",
            ),
        ]
        for browser, url, marker in urls:
            response = browser.get(url)
            assert response.status_code == 200, url
            assert marker in response.text, url
        assert storage.lastTransaction() == before
        # Nor is any inquiry loaded: every row comes from catalog brains.
        assert awake_inquiries(db) == 0
        # The detector works: viewing an inquiry itself loads it.
        inquiry = api.content.find(portal_type="Inquiry", sort_limit=1)[0]
        assert agent.get(inquiry.getURL()).status_code == 200
        assert awake_inquiries(db) >= 1

    def test_a_post_does_write(self, site):
        """The check above would notice a write: a status change is one."""
        portal, _page = site
        storage = portal._p_jar.db().storage
        agent = session("agent")
        html = agent.get(portal.absolute_url()).text
        token = (
            html.split('name="_authenticator"', 1)[1]
            .split('value="', 1)[1]
            .split('"', 1)[0]
        )
        before = storage.lastTransaction()
        response = agent.post(
            f"{portal.absolute_url()}/@@servicedesk-availability",
            data={"status": "away", "_authenticator": token},
            headers={"Accept": "application/json"},
        )
        assert response.status_code == 200
        assert response.json()["status"] == "away"
        assert storage.lastTransaction() != before
