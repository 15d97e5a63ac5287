"""The due-date viewlet and the override form."""

from collective.servicedesk.categories.storage import add_category
from collective.servicedesk.history import entries
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser
import pytest
import transaction


@pytest.fixture
def inquiry(functional_portal):
    portal = functional_portal
    setRoles(portal, TEST_USER_ID, ["Manager"])
    # Pages show times in the site's time zone; deadlines count in Oslo time.
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
    add_category("street-lights", "Gatelys", promise_hours=4)
    desk = api.content.create(container=portal, type="ServiceDesk", id="service-desk")
    obj = api.content.create(
        container=desk, type="Inquiry", title="Light out", category="street-lights"
    )
    transaction.commit()
    return obj


@pytest.fixture
def browser(functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


class TestViewlet:
    def test_shows_due_date_and_state(self, browser, inquiry):
        browser.open(inquiry.absolute_url())
        assert 'class="servicedesk-due-date"' in browser.contents
        assert inquiry.due_date.strftime("%d.%m.%Y %H:%M") in browser.contents
        assert "@@override-due-date" in browser.contents

    def test_overdue(self, browser, inquiry):
        inquiry.due_date = datetime.now(UTC) - timedelta(hours=1)
        transaction.commit()
        browser.open(inquiry.absolute_url())
        assert 'data-due-state="overdue"' in browser.contents
        assert "Overdue" in browser.contents


class TestOverrideForm:
    def test_reason_required_and_values_kept(self, browser, inquiry):
        old = inquiry.due_date
        browser.open(inquiry.absolute_url() + "/@@override-due-date")
        assert browser.getControl(name="due_date").value == old.strftime(
            "%Y-%m-%dT%H:%M"
        )
        browser.getControl(name="due_date").value = "2030-01-08T09:00"
        browser.getControl(name="form.buttons.save").click()
        assert "Give a reason for changing the due date." in browser.contents
        assert browser.getControl(name="due_date").value == "2030-01-08T09:00"
        transaction.begin()
        assert inquiry.due_date == old

    def test_bad_date(self, browser, inquiry):
        browser.open(inquiry.absolute_url() + "/@@override-due-date")
        browser.getControl(name="due_date").value = "next week"
        browser.getControl(name="reason").value = "Because"
        browser.getControl(name="form.buttons.save").click()
        assert "Enter a date and time" in browser.contents
        assert browser.getControl(name="reason").value == "Because"

    def test_saved_with_history(self, browser, inquiry):
        browser.open(inquiry.absolute_url() + "/@@override-due-date")
        browser.getControl(name="due_date").value = "2030-01-08T09:00"
        browser.getControl(name="reason").value = "Citizen away"
        browser.getControl(name="form.buttons.save").click()
        assert browser.url == inquiry.absolute_url()
        transaction.begin()
        due = inquiry.due_date
        assert (due.year, due.month, due.day, due.hour, due.minute) == (
            2030,
            1,
            8,
            9,
            0,
        )
        assert due.utcoffset() == timedelta(hours=1)  # Oslo, winter
        assert entries(inquiry)[-1]["comment"] == "Citizen away"
