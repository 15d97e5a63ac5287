"""The admin screens in a real browser: the JavaScript widgets show names, not ids."""

from plone import api
from tests.browser_fixtures import screenshot
import transaction


def test_routing_screens_in_browser(functional_portal, new_page):
    functional_portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    api.user.create(username="admin2", email="a@example.org", password="secret-pw-123")
    api.user.grant_roles(username="admin2", roles=["Site Administrator"])
    transaction.commit()
    portal_url = functional_portal.absolute_url()
    page = new_page("admin2", "secret-pw-123")

    page.goto(f"{portal_url}/@@servicedesk-categories")
    assert page.locator("#category-building-permits").count() == 1
    screenshot(page, "categories-catalogue")

    page.goto(f"{portal_url}/@@servicedesk-competence")
    # select2 shows the stored "user:handler" as the person's name.
    field = page.locator("#formfield-form-widgets-building-permits")
    field.locator(".select2-search-choice").first.wait_for()
    assert "Per Byggmester" in field.inner_text()
    screenshot(page, "categories-competence")

    page.goto(f"{portal_url}/@@servicedesk-roster")
    week = page.locator("table.servicedesk-week")
    assert "Nils Vei" in week.inner_text()  # handler3 is on duty this week
    screenshot(page, "categories-roster")
