"""A citizen in a real browser: FAQ suggestions while typing, then the receipt."""

from collective.servicedesk.citizen.counter import answered_total
from plone import api
from tests.browser_fixtures import screenshot
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_kb
import transaction


def test_suggestions_then_anonymous_question(functional_portal, public_desk, new_page):
    kb = make_kb(functional_portal)
    make_faq(
        kb,
        "Når blir det brøytet?",
        "<p>Etter snøfall.</p>",
        state="published_publicly",
        audience="public",
    )
    # The time trap must not stop a test that types faster than a person.
    api.portal.set_registry_record("collective.servicedesk.citizen_min_seconds", 0)
    transaction.commit()

    page = new_page()
    page.goto(functional_portal.absolute_url() + "/@@ask")
    page.fill("#servicedesk-question", "Når blir det brøytet i gata mi")
    page.dispatch_event("#servicedesk-question", "input")
    suggestion = page.locator("#servicedesk-faq a")
    suggestion.wait_for()
    assert suggestion.inner_text() == "Når blir det brøytet?"
    screenshot(page, "citizen-ask-suggestions")

    page.click("#servicedesk-faq button")
    page.wait_for_function(
        "document.getElementById('servicedesk-faq').textContent.includes('!')"
    )
    transaction.begin()
    assert answered_total() == 1

    # Contact fields appear only for an answer by e-mail or SMS.
    assert not page.is_visible("#servicedesk-email")
    page.check("#servicedesk-contact-email")
    assert page.is_visible("#servicedesk-email")
    page.check("#servicedesk-contact-anonymous")
    assert not page.is_visible("#servicedesk-email")
    page.click("button[name='form.buttons.send']")
    page.locator(".servicedesk-followup-code").wait_for()
    reference = page.locator(".servicedesk-reference").inner_text()
    screenshot(page, "citizen-receipt")
    transaction.begin()
    [inquiry] = public_desk.objectValues()
    assert inquiry.reference_number == reference
    assert inquiry.anonymous is True

    assert not page.locator("a[href*='code=']").count()
    page.click("button[name='form.buttons.show']")
    page.locator(".servicedesk-state").wait_for()
    screenshot(page, "citizen-track")
