"""The quick registration form in a real (test) browser: fields, errors, kept values."""

from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.testing.zope import Browser
from tests.registration.helpers import make_desk
import pytest
import transaction


def inquiries(**query) -> list:
    catalog = api.portal.get_tool("portal_catalog")
    return list(catalog.unrestrictedSearchResults(portal_type="Inquiry", **query))


@pytest.fixture
def desk(functional_portal):
    desk = make_desk(functional_portal)
    transaction.commit()
    return desk


@pytest.fixture
def browser(functional_app, desk):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic agent:{DEMO_PASSWORD}")
    browser.open(desk.absolute_url() + "/@@register")
    return browser


def field_div(browser, name: str) -> str:
    """The HTML of one widget's wrapper (label, input, error)."""
    html = browser.contents
    anchor = html.index(f'id="formfield-form-widgets-{name}"')
    start = html.rindex("<div", 0, anchor)
    end = html.find('id="formfield-form-widgets-', anchor + 10)
    return html[start : end if end > 0 else None]


def details_tag(browser) -> str:
    """The opening tag of the "More details" section."""
    html = browser.contents
    start = html.rindex("<details", 0, html.index('id="register-more"'))
    return html[start : html.index(">", start)]


def past_local() -> str:
    return (datetime.now() - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")


class TestLayout:
    def test_only_admin_required_fields_are_required(self, browser):
        assert "required" in field_div(browser, "channel")
        assert "required" in field_div(browser, "title")
        for name in ("category", "description", "requester_email", "due_date"):
            assert "required" not in field_div(browser, name), name

    def test_channel_defaults_to_phone(self, browser):
        assert browser.getControl(name="form.widgets.channel:list").value == ["phone"]

    def test_more_details_collapsed(self, browser):
        assert " open" not in details_tag(browser)

    def test_buttons(self, browser):
        assert browser.getControl(name="form.buttons.register")
        assert browser.getControl(name="form.buttons.register_close")

    def test_required_field_from_the_control_panel_moves_up(self, functional_app, desk):
        api.portal.set_registry_record(
            "collective.servicedesk.required_fields",
            ["channel", "title", "requester_phone"],
        )
        transaction.commit()
        browser = Browser(functional_app)
        browser.addHeader("Authorization", f"Basic agent:{DEMO_PASSWORD}")
        browser.open(desk.absolute_url() + "/@@register")
        before_details = browser.contents.split('id="register-more"')[0]
        assert 'id="formfield-form-widgets-requester_phone"' in before_details
        assert "required" in field_div(browser, "requester_phone")
        browser.getControl(name="form.widgets.title").value = "Uten telefon"
        browser.getControl(name="form.buttons.register").click()
        assert "Required input is missing." in field_div(browser, "requester_phone")
        assert inquiries() == []

    def test_add_new_inquiry_opens_the_quick_form(self, browser, desk):
        browser.open(desk.absolute_url() + "/++add++Inquiry")
        assert browser.url.endswith("/@@register")


class TestValidation:
    def test_bad_values_are_named_and_everything_typed_is_kept(self, browser):
        browser.getControl(name="form.widgets.title").value = "Garasje ved sjøen"
        browser.getControl(name="form.widgets.description").value = "Lang forklaring"
        browser.getControl(name="form.widgets.category:list").value = [
            "building-permits"
        ]
        browser.getControl(name="form.widgets.requester_name").value = "Ola Nordmann"
        browser.getControl(name="form.widgets.requester_email").value = "ola(at)example"
        browser.getControl(name="form.widgets.requester_phone").value = "ring meg"
        browser.getControl(name="form.widgets.due_date").value = past_local()
        browser.getControl(name="form.buttons.register").click()

        assert "The inquiry was not registered" in browser.contents
        assert "This is not a valid e-mail address." in field_div(
            browser, "requester_email"
        )
        assert "This is not a valid phone number" in field_div(
            browser, "requester_phone"
        )
        assert "The due date is in the past." in field_div(browser, "due_date")
        # Nothing typed is lost.
        assert (
            browser.getControl(name="form.widgets.title").value == "Garasje ved sjøen"
        )
        assert (
            browser.getControl(name="form.widgets.description").value
            == "Lang forklaring"
        )
        assert browser.getControl(name="form.widgets.category:list").value == [
            "building-permits"
        ]
        assert (
            browser.getControl(name="form.widgets.requester_name").value
            == "Ola Nordmann"
        )
        assert (
            browser.getControl(name="form.widgets.requester_email").value
            == "ola(at)example"
        )
        assert (
            browser.getControl(name="form.widgets.requester_phone").value == "ring meg"
        )
        # The errors are inside "More details", so it opens.
        assert " open" in details_tag(browser)
        assert inquiries() == []

    def test_missing_summary(self, browser):
        browser.getControl(name="form.widgets.title").value = ""
        browser.getControl(name="form.buttons.register").click()
        assert "Required input is missing." in field_div(browser, "title")
        assert inquiries() == []

    def test_unknown_category(self, browser, desk):
        browser.post(
            desk.absolute_url() + "/@@register",
            "form.widgets.title=Ukjent&form.widgets.channel:list=phone"
            "&form.widgets.category:list=no-such-category"
            "&form.buttons.register=Register",
        )
        assert 'Unknown category "no-such-category"' in field_div(browser, "category")
        assert browser.getControl(name="form.widgets.title").value == "Ukjent"
        assert inquiries() == []

    def test_override_needs_a_reason(self, browser):
        browser.getControl(name="form.widgets.title").value = "Feil enhet"
        browser.getControl(name="form.widgets.category:list").value = [
            "building-permits"
        ]
        browser.getControl(name="form.widgets.responsible_unit:list").value = [
            "servicedesk-technical"
        ]
        browser.getControl(name="form.buttons.register").click()
        assert "write why" in field_div(browser, "override_reason")
        assert inquiries() == []
        browser.getControl(name="form.widgets.override_reason").value = "Gjelder vann"
        browser.getControl(name="form.buttons.register").click()
        (brain,) = inquiries()
        assert brain.responsible_unit == "servicedesk-technical"


class TestSubmit:
    def test_register_routes_and_confirms(self, browser):
        browser.getControl(name="form.widgets.title").value = "Byggesøknad for bod"
        browser.getControl(name="form.widgets.category:list").value = [
            "building-permits"
        ]
        browser.getControl(name="form.buttons.register").click()
        (brain,) = inquiries()
        assert brain.Title == "Byggesøknad for bod"
        assert brain.inquiry_channel == "phone"
        assert brain.review_state == "assigned"
        assert brain.responsible_unit == "servicedesk-building"
        assert browser.url.endswith("/@@register")
        assert (
            f"Inquiry {brain.reference_number} registered and routed to"
            in browser.contents
        )
        # The fresh form lists it under "registered by you recently".
        assert (
            brain.reference_number
            in browser.contents.split('id="recent-registrations"')[1]
        )

    def test_register_and_close(self, browser):
        browser.getControl(name="form.widgets.title").value = "Åpningstider"
        browser.getControl(name="form.widgets.answer").value = "Åpent 8 til 15."
        browser.getControl(name="form.buttons.register_close").click()
        (brain,) = inquiries()
        assert brain.review_state == "closed"
        assert api.content.find(UID=brain.UID, solved_first_contact=True)
        assert (
            f"Inquiry {brain.reference_number} registered and closed."
            in browser.contents
        )
        assert brain.getObject().answer == "Åpent 8 til 15."

    def test_anonymous_discards_personal_data(self, browser):
        browser.getControl(name="form.widgets.title").value = "Anonymt tips"
        browser.getControl(name="form.widgets.requester_name").value = "Kari"
        browser.getControl(name="form.widgets.anonymous:list").value = ["selected"]
        browser.getControl(name="form.buttons.register").click()
        (brain,) = inquiries()
        inquiry = brain.getObject()
        assert inquiry.anonymous is True
        assert inquiry.requester_name is None
