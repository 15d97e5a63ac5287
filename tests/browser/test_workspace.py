"""The staff workspace in a real browser: quick bar, queue, presence, statistics."""

from plone import api
from tests.browser_fixtures import SCREENSHOTS
from tests.browser_fixtures import screenshot
from tests.workspace.helpers import PASSWORD
import csv
import io
import pytest
import transaction

QUEUE_COUNT = "#sd-ws-queue [data-sd-queue-count]"


def wait_for_count(page, count: int) -> None:
    """Wait until the queue badge shows `count` (updated without a page load)."""
    page.wait_for_function(
        f"document.querySelector('{QUEUE_COUNT}').textContent.trim() === '{count}'"
    )


@pytest.fixture
def demo_site(functional_portal):
    """The demo municipality and an ordinary intranet page."""
    portal = functional_portal
    portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(
            container=portal,
            type="Document",
            id="intranet-news",
            title="Nytt fra rådhuset",
        )
    transaction.commit()
    return portal, page


def queue_count(page) -> int:
    return int(page.locator(QUEUE_COUNT).inner_text().strip())


def open_quickbar(page):
    page.click("#sd-ws-quickbar > summary")
    page.wait_for_selector("#sd-quickbar-title", state="visible")


class TestQuickBar:
    def test_register_then_close_with_faq(self, demo_site, new_page):
        portal, intranet_page = demo_site
        page = new_page("agent", PASSWORD)
        page.goto(intranet_page.absolute_url())
        url = page.url
        before = queue_count(page)
        # 1: open the bar, 2: type the summary, 3: register.
        open_quickbar(page)
        page.fill("#sd-quickbar-title", "Når tømmes søppel")
        page.wait_for_selector("#sd-quickbar-suggestions li.sd-suggestion")
        screenshot(page, "workspace-quickbar-suggestions")
        page.click(".sd-quickbar-submit")
        page.wait_for_selector(".sd-quickbar-form .sd-status a")
        assert page.url == url  # no page change
        status = page.locator(".sd-quickbar-form .sd-status").inner_text()
        assert "registered" in status
        # No category, so routing finds nobody: as from the registration form,
        # the inquiry waits unassigned in the desk's queue, not in the agent's.
        assert queue_count(page) == before
        screenshot(page, "workspace-quickbar-registered")
        # Pick the suggested FAQ answer: answered and closed in one step.
        page.locator(".sd-suggestion-use").first.click()
        page.wait_for_function(
            "document.querySelector('.sd-quickbar-form .sd-status')"
            ".textContent.includes('closed')"
        )
        assert queue_count(page) == before
        transaction.begin()
        closed = api.content.find(portal_type="Inquiry", SearchableText="tømmes søppel")
        assert closed and closed[0].review_state == "closed"
        # No catalog column for it (issue 19): read the object.
        assert closed[0].getObject().solved_first_contact is True

    def test_pick_faq_registers_and_closes_at_once(self, demo_site, new_page):
        portal, intranet_page = demo_site
        page = new_page("agent", PASSWORD)
        page.goto(intranet_page.absolute_url())
        before = queue_count(page)
        open_quickbar(page)
        page.fill("#sd-quickbar-title", "Hva koster barnehageplass")
        page.locator(".sd-suggestion-use").first.click()
        page.wait_for_selector(".sd-quickbar-form .sd-status a")
        assert "closed" in page.locator(".sd-quickbar-form .sd-status").inner_text()
        assert queue_count(page) == before

    def test_nothing_typed_is_lost(self, demo_site, new_page):
        portal, intranet_page = demo_site
        page = new_page("agent", PASSWORD)
        page.goto(intranet_page.absolute_url())
        open_quickbar(page)
        page.fill("#sd-quickbar-title", "Lekker vannrør i kjelleren")
        # The server is unreachable: the error is shown in place, the text stays.
        page.route("**/@@servicedesk-quick-register", lambda route: route.abort())
        page.click(".sd-quickbar-submit")
        error = page.locator('.sd-quickbar-form [data-sd-error="form"]')
        error.wait_for(state="visible")
        assert "try again" in error.inner_text()
        assert page.input_value("#sd-quickbar-title") == "Lekker vannrør i kjelleren"
        screenshot(page, "workspace-quickbar-offline")
        # Even a reload keeps the draft.
        page.unroute("**/@@servicedesk-quick-register")
        page.reload()
        page.wait_for_selector("#sd-quickbar-title", state="visible")
        assert page.input_value("#sd-quickbar-title") == "Lekker vannrør i kjelleren"
        page.click(".sd-quickbar-submit")
        page.wait_for_selector(".sd-quickbar-form .sd-status a")
        page.reload()
        assert not page.locator("#sd-quickbar-title").is_visible()

    def test_validation_error_inline(self, demo_site, new_page):
        portal, intranet_page = demo_site
        page = new_page("agent", PASSWORD)
        page.goto(intranet_page.absolute_url())
        open_quickbar(page)
        page.click(".sd-quickbar-submit")
        error = page.locator('[data-sd-error="title"]')
        error.wait_for(state="visible")
        assert (
            page.locator("#sd-quickbar-title").get_attribute("aria-invalid") == "true"
        )


class TestPanels:
    def test_queue_and_messages_panels(self, demo_site, new_page):
        portal, intranet_page = demo_site
        page = new_page("agent", PASSWORD)
        page.goto(intranet_page.absolute_url())
        assert queue_count(page) >= 2
        page.click("#sd-ws-queue > summary")
        page.wait_for_selector("#sd-ws-queue .sd-rows a")
        screenshot(page, "workspace-queue")
        # Keyboard: Escape closes the panel and returns focus to its button.
        page.keyboard.press("Escape")
        assert page.evaluate("document.querySelector('#sd-ws-queue').open") is False
        page.click("#sd-ws-messages > summary")
        page.wait_for_selector("#sd-ws-messages .sd-ws-dropdown", state="visible")
        screenshot(page, "workspace-messages")

    def test_availability_seen_by_a_colleague(self, demo_site, new_page):
        portal, intranet_page = demo_site
        agent = new_page("agent", PASSWORD)
        agent.goto(intranet_page.absolute_url())
        agent.click("#sd-ws-presence > summary")
        agent.click('#sd-ws-presence .sd-status-button[value="busy"]')
        agent.wait_for_selector(
            '#sd-ws-presence .sd-status-button[value="busy"][aria-pressed="true"]'
        )
        assert agent.url == intranet_page.absolute_url()
        screenshot(agent, "workspace-presence")
        colleague = new_page("agent2", PASSWORD)
        colleague.goto(intranet_page.absolute_url())
        colleague.click("#sd-ws-presence > summary")
        row = colleague.locator('#sd-ws-presence [data-sd-person="agent"]')
        row.wait_for(state="visible")
        assert "Kari Nordmann" in row.inner_text()
        assert "Busy" in row.inner_text()
        assert "logged in" in row.inner_text()

    def test_dashboard(self, demo_site, new_page):
        portal, _page = demo_site
        page = new_page("agent", PASSWORD)
        page.goto(f"{portal.absolute_url()}/@@servicedesk-dashboard")
        assert page.locator("#sd-dash-mine").is_visible()
        screenshot(page, "workspace-dashboard")


class TestStatistics:
    def test_lead_downloads_csv(self, demo_site, new_page):
        portal, _page = demo_site
        page = new_page("lead", PASSWORD)
        page.goto(f"{portal.absolute_url()}/@@servicedesk-dashboard")
        page.click("a[href$='@@servicedesk-statistics']")
        page.wait_for_selector(".sd-kpis")
        assert page.locator("svg.sd-chart").count() >= 5
        screenshot(page, "statistics-dashboard")
        with page.expect_download() as download_info:
            page.click("a.sd-export-csv")
        download = download_info.value
        assert download.suggested_filename == "servicedesk-statistics.csv"
        text = open(download.path(), encoding="utf-8-sig").read()
        # People's CSV: headers and titles in the reader's language, ";" between
        # columns where the decimal sign is a comma (nb/nn), as spreadsheets expect.
        header = text.splitlines()[0]
        delimiter = ";" if header.count(";") == 2 else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        assert len(rows[0]) == 3
        assert "section" not in rows[0]
        total = rows[1][2].replace("\u00a0", "").replace(" ", "")
        assert int(total) > 0
        (SCREENSHOTS / "statistics-export.csv").write_text(text, encoding="utf-8")

    def test_agent_has_no_statistics(self, demo_site, new_page):
        portal, _page = demo_site
        page = new_page("agent", PASSWORD)
        response = page.goto(f"{portal.absolute_url()}/@@servicedesk-statistics")
        assert "sd-kpis" not in page.content()
        assert response.status in (200, 401, 403)
