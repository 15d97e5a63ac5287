"""The Service desk control panel: UI form and REST."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
import transaction

PANEL = "/@@servicedesk-controlpanel"


@pytest.fixture
def browser(functional_app, functional_portal):
    from plone.testing.zope import Browser

    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


class TestControlPanelForm:
    def test_listed_in_site_setup(self, browser, functional_portal):
        browser.open(functional_portal.absolute_url() + "/@@overview-controlpanel")
        assert "servicedesk-controlpanel" in browser.contents

    def test_edit_through_form(self, browser, functional_portal):
        browser.open(functional_portal.absolute_url() + PANEL)
        browser.getControl(name="form.widgets.retention_days").value = "730"
        browser.getControl(
            name="form.widgets.sender_address"
        ).value = "post@demo.kommune.no"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        assert (
            api.portal.get_registry_record("collective.servicedesk.retention_days")
            == 730
        )
        assert (
            api.portal.get_registry_record("collective.servicedesk.sender_address")
            == "post@demo.kommune.no"
        )

    def test_invalid_input_keeps_values_and_explains(self, browser, functional_portal):
        browser.open(functional_portal.absolute_url() + PANEL)
        browser.getControl(name="form.widgets.sender_address").value = "not-an-address"
        browser.getControl(name="form.widgets.retention_days").value = "4000"
        browser.getControl(name="form.buttons.save").click()
        assert "This is not a valid e-mail address." in browser.contents
        # What the admin typed is still in the form.
        assert browser.getControl(name="form.widgets.sender_address").value == (
            "not-an-address"
        )
        assert browser.getControl(name="form.widgets.retention_days").value == "4000"
        transaction.begin()
        assert (
            api.portal.get_registry_record("collective.servicedesk.retention_days")
            == 365
        )

    def test_anonymous_cannot_open(self, functional_app, functional_portal):
        from plone.testing.zope import Browser

        browser = Browser(functional_app)
        browser.open(functional_portal.absolute_url() + PANEL)
        assert "__ac_name" in browser.contents or "login" in browser.url


class TestControlPanelRest:
    def test_listed(self, manager_request):
        response = manager_request.get("/@controlpanels")
        assert response.status_code == 200
        ids = [panel["@id"].rsplit("/", 1)[-1] for panel in response.json()]
        assert "servicedesk" in ids

    def test_get(self, manager_request):
        response = manager_request.get("/@controlpanels/servicedesk")
        assert response.status_code == 200
        data = response.json()["data"]
        assert data["default_service_promise"] == 48
        assert data["required_fields"] == [
            {"title": "Channel", "token": "channel"},
            {"title": "Summary", "token": "title"},
        ] or data["required_fields"] == ["channel", "title"]

    def test_patch(self, manager_request, functional_portal):
        response = manager_request.patch(
            "/@controlpanels/servicedesk",
            json={"default_service_promise": 24, "required_fields": ["channel"]},
        )
        assert response.status_code == 204
        transaction.begin()
        assert (
            api.portal.get_registry_record(
                "collective.servicedesk.default_service_promise"
            )
            == 24
        )
        assert api.portal.get_registry_record(
            "collective.servicedesk.required_fields"
        ) == ["channel"]

    def test_patch_invalid(self, manager_request):
        response = manager_request.patch(
            "/@controlpanels/servicedesk", json={"default_service_promise": 0}
        )
        assert response.status_code == 400, response.text

    def test_anonymous_denied(self, anon_request):
        response = anon_request.get("/@controlpanels/servicedesk")
        assert response.status_code == 401
