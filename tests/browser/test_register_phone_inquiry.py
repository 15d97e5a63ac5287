"""An agent registers a phone inquiry with minimum fields; the handler sees it."""

from collective.servicedesk.categories.storage import get_category
from collective.servicedesk.categories.storage import update_category
from plone import api
from tests.browser_fixtures import screenshot
import transaction

SUMMARY = "Spør om søknadsplikt for garasje"
PASSWORD = "demo-servicedesk"


def test_agent_registers_phone_inquiry_that_reaches_the_handler(
    functional_portal, new_page
):
    functional_portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    # The admin's routing set-up: building permits belong to the building unit.
    if not get_category("building-permits")["unit"]:
        update_category("building-permits", unit="servicedesk-building")
    transaction.commit()
    desk_url = functional_portal["service-desk"].absolute_url()

    agent = new_page("agent", PASSWORD)
    agent.goto(f"{desk_url}/@@register")
    # Channel is preselected (phone); the summary is the only text to type.
    assert agent.input_value("#form-widgets-channel") == "phone"
    agent.fill("#form-widgets-title", SUMMARY)
    agent.select_option("#form-widgets-category", "building-permits")
    # The suggestion updates as soon as a category is chosen.
    agent.wait_for_function(
        "document.querySelector('#routing-suggestion .suggestion-target')"
        ".textContent.trim() !== ''"
    )
    screenshot(agent, "register-phone-inquiry-form")
    agent.click("[name='form.buttons.register']")
    agent.wait_for_load_state("networkidle")
    screenshot(agent, "register-phone-inquiry-confirmed")
    assert agent.url.endswith("/@@register")
    recent = agent.locator("#recent-registrations")
    assert SUMMARY in recent.inner_text()

    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(portal_type="Inquiry", Title=SUMMARY)
    assert brain.inquiry_channel == "phone"
    assert brain.review_state == "assigned"
    assert brain.responsible_unit == "servicedesk-building"
    assert brain.reference_number in agent.content()

    handler = new_page("handler", PASSWORD)
    queue = "my-inquiries" if brain.responsible_handler == "handler" else "unit-queue"
    handler.goto(f"{desk_url}/@@{queue}")
    row = handler.locator("tr.inquiry-row", has_text=SUMMARY)
    assert row.count() == 1
    assert brain.reference_number in row.inner_text()
    screenshot(handler, "register-phone-inquiry-handler-queue")
    # The handler opens it from the queue.
    row.locator("a.inquiry-link").click()
    handler.wait_for_load_state("networkidle")
    assert SUMMARY in handler.content()


def test_failed_submit_keeps_everything_typed(functional_portal, new_page):
    """A bad e-mail in "More details": the error is named, nothing typed is lost."""
    functional_portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    transaction.commit()
    desk_url = functional_portal["service-desk"].absolute_url()
    agent = new_page("agent", PASSWORD)
    agent.goto(f"{desk_url}/@@register")
    agent.fill("#form-widgets-title", "Vil ha svar på e-post")
    agent.click("#register-more summary")
    agent.fill("#form-widgets-requester_name", "Ola Nordmann")
    agent.fill("#form-widgets-requester_email", "ola.example.no")
    agent.click("[name='form.buttons.register']")
    agent.wait_for_load_state("networkidle")
    screenshot(agent, "register-validation-error")
    assert agent.locator("#register-errors").is_visible()
    assert agent.locator("#register-more").get_attribute("open") is not None
    assert agent.input_value("#form-widgets-title") == "Vil ha svar på e-post"
    assert agent.input_value("#form-widgets-requester_name") == "Ola Nordmann"
    assert agent.input_value("#form-widgets-requester_email") == "ola.example.no"
    email_field = agent.locator("#formfield-form-widgets-requester_email")
    assert "valid e-mail" in email_field.inner_text()


def test_agent_tallies_and_finds_inquiries(functional_portal, new_page):
    """Tally mode counts with one click; the listing filters the demo inquiries."""
    functional_portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    transaction.commit()
    desk_url = functional_portal["service-desk"].absolute_url()
    agent = new_page("agent", PASSWORD)
    agent.goto(f"{desk_url}/@@tally")
    cell = agent.locator(
        "button.tally-button[data-category='parking'][data-channel='phone']"
    )
    before = int(cell.locator(".tally-count").inner_text())
    cell.click()
    agent.wait_for_load_state("networkidle")
    cell = agent.locator(
        "button.tally-button[data-category='parking'][data-channel='phone']"
    )
    assert int(cell.locator(".tally-count").inner_text()) == before + 1
    screenshot(agent, "tally-screen")

    # The service desk's default view is the filtered listing.
    agent.goto(desk_url)
    assert agent.locator("#inquiry-filters").count() == 1
    agent.select_option("#filter-channel", "letter")
    agent.click("#inquiry-filters button[type=submit]")
    agent.wait_for_load_state("networkidle")
    rows = agent.locator("tr.inquiry-row")
    assert rows.count() >= 2
    assert all("Letter" in text or "Brev" in text for text in rows.all_inner_texts())
    screenshot(agent, "inquiry-listing-filtered")
