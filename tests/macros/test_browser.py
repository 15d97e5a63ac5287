"""In a real browser: a case handler inserts a macro into the reply and sends it."""

from collective.servicedesk.content.assignment import assign
from collective.servicedesk.macros.storage import save_macro
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from datetime import UTC
from datetime import datetime
from playwright.sync_api import expect
from plone import api
from tests.browser_fixtures import screenshot
from tests.replies.helpers import point_mailhost
from tests.workspace.helpers import PASSWORD
import pytest
import transaction

TEXT = (
    "Hei {name}! Saken {reference_number} får svar innen {due_date}. "
    "Hilsen {handler_name}"
)


@pytest.fixture
def macro_site(functional_portal, smtp):
    """The demo municipality, an inquiry for Per Byggmester, two macros."""
    portal = functional_portal
    portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
        api.portal.set_registry_record("plone.available_languages", ["nb"])
        api.portal.set_registry_record("plone.default_language", "nb")
        point_mailhost(smtp.port)
        desk = api.content.find(portal_type="ServiceDesk")[0].getObject()
        save_macro("Svarfrist byggesak", TEXT)
        save_macro("Avslag", "Søknaden er dessverre avslått.")
    with api.env.adopt_user(username="agent"):
        inquiry = api.content.create(
            container=desk,
            type="Inquiry",
            title="Garasje nær nabogrensen",
            channel="phone",
            requester_name="Åse Nordmann",
            requester_email="ase@example.org",
            reply_channel="email",
        )
        assign(inquiry, handler="handler", unit="servicedesk-building", reason="Bygg")
    inquiry.due_date = datetime(2026, 12, 10, 13, 58, tzinfo=UTC)
    transaction.commit()
    return portal, inquiry


def test_insert_macro_into_reply(macro_site, new_page, smtp):
    _portal, inquiry = macro_site
    page = new_page("handler", PASSWORD)
    page.goto(inquiry.absolute_url())
    page.fill("#composer-text", "Takk for henvendelsen.\n")
    # The caret goes to the end, where the macro is inserted.
    page.focus("#composer-text")
    page.keyboard.press("Control+End")
    page.fill("#composer-macro-search", "svarfrist")
    buttons = page.locator("#composer-macros .sd-macro-insert")
    # Only the match is offered, not every macro.
    expect(buttons).to_have_count(1)
    expect(buttons).to_have_text("Svarfrist byggesak")
    button = buttons.first
    button.click()
    expected = (
        f"Hei Åse Nordmann! Saken {inquiry.reference_number} får svar innen "
        "10.12.2026 kl. 14:58. Hilsen Per Byggmester"
    )
    value = page.input_value("#composer-text")
    assert value == "Takk for henvendelsen.\n" + expected
    screenshot(page, "reply-macro-inserted")
    page.click("#composer-send")
    page.wait_for_selector(".servicedesk-timeline-entry.kind-reply_email")
    assert wait_for_deliveries()
    smtp.wait_for(1)
    to_citizen = [
        message for rcpt, _from, message in smtp.received if "ase@example.org" in rcpt
    ]
    assert len(to_citizen) == 1
    body = to_citizen[0].get_body(preferencelist=("plain",)).get_content()
    assert expected in body
