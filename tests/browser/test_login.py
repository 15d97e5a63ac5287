"""A demo agent logs in through a real browser and sees Plone in Bokmål."""

from plone import api
from tests.browser_fixtures import screenshot
import transaction


def test_agent_logs_in_and_sees_bokmal(functional_portal, new_page):
    api.portal.set_registry_record("plone.default_language", "no")
    api.portal.set_registry_record("plone.available_languages", ["no", "nn", "en"])
    functional_portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    transaction.commit()

    page = new_page("agent", "demo-servicedesk")
    page.goto(functional_portal.absolute_url())
    assert page.locator("html").get_attribute("lang") == "no"
    # The personal menu shows the agent's full name: logged in for real.
    assert "Kari Nordmann" in page.content()
    assert page.locator("a[href$='/logout']").count() >= 1
    screenshot(page, "agent-front-page")
