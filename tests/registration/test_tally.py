"""Tally mode: the grid, one click per count, today's counts."""

from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD
from plone import api
from plone.testing.zope import Browser
from tests.registration.helpers import make_desk
from urllib.parse import urlencode
import json
import pytest
import transaction


@pytest.fixture
def desk(functional_portal):
    desk = make_desk(functional_portal)
    transaction.commit()
    return desk


@pytest.fixture
def browser(functional_app, desk):
    browser = Browser(functional_app)
    browser.addHeader("Authorization", f"Basic agent:{DEMO_PASSWORD}")
    return browser


def tallies(**query) -> list:
    catalog = api.portal.get_tool("portal_catalog")
    transaction.begin()
    return list(
        catalog.unrestrictedSearchResults(portal_type="Inquiry", tally=True, **query)
    )


def tally_form(browser, category: str, channel: str):
    """The little form behind the button of one grid cell."""
    for form_index in range(1000):
        try:
            form = browser.getForm(index=form_index)
        except IndexError:
            break
        try:
            if (
                form.getControl(name="category").value == category
                and form.getControl(name="channel").value == channel
            ):
                return form
        except LookupError:
            continue
    raise AssertionError(f"no tally button for {category}/{channel}")


class TestTallyScreen:
    def test_one_button_per_category_and_channel(self, browser, desk):
        browser.open(desk.absolute_url() + "/@@tally")
        buttons = browser.contents.count(
            'class="btn btn-sm btn-outline-primary tally-button"'
        )
        assert buttons == 20 * 8  # default categories × channels
        assert 'data-category="building-permits"' in browser.contents

    def test_click_counts_one_closed_inquiry(self, browser, desk):
        browser.open(desk.absolute_url() + "/@@tally")
        tally_form(browser, "building-permits", "visit").submit()
        assert browser.url.endswith("/@@tally")
        assert "Counted: Building permits, Visit." in browser.contents
        (brain,) = tallies()
        assert brain.inquiry_category == "building-permits"
        assert brain.inquiry_channel == "visit"
        assert brain.review_state == "closed"
        assert brain.Title == "Tally: Building permits"
        # Today's count shows on the button and in the total.
        tally_form(browser, "building-permits", "visit").submit()
        assert len(tallies(inquiry_category="building-permits")) == 2
        form = tally_form(browser, "building-permits", "visit")
        assert '<span class="tally-count">2</span>' in browser.contents
        assert form is not None
        total = browser.contents.split('id="tally-total"')[1].split("</p>")[0]
        assert ">2</strong>" in total

    def test_unknown_category_counts_nothing(self, browser, desk):
        browser.open(desk.absolute_url() + "/@@tally")
        form = tally_form(browser, "other", "phone")
        form.getControl(name="category").value = "no-such-category"
        form.submit()
        assert "nothing counted" in browser.contents
        assert tallies() == []

    def test_get_writes_nothing(self, browser, desk):
        browser.open(desk.absolute_url() + "/@@tally?category=other&channel=phone")
        assert tallies() == []

    @pytest.mark.parametrize("user", [None, "editor"])
    def test_only_registering_staff_may_tally(self, functional_app, desk, user):
        browser = Browser(functional_app)
        browser.raiseHttpErrors = False
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{DEMO_PASSWORD}")
        browser.open(desk.absolute_url() + "/@@tally")
        assert "tally-button" not in browser.contents


def click(browser, desk, **form) -> dict:
    """What the page's fetch() does: POST the cell's form, ask for JSON."""
    browser.open(desk.absolute_url() + "/@@tally")
    token = tally_form(browser, "other", "phone").getControl(name="_authenticator")
    form["_authenticator"] = token.value
    browser.addHeader("Accept", "application/json")
    browser.post(desk.absolute_url() + "/@@tally", urlencode(form))
    return json.loads(browser.contents)


class TestTallyInPlace:
    def test_click_answers_json_with_counts(self, browser, desk):
        body = click(browser, desk, category="building-permits", channel="phone")
        assert body["ok"] is True
        assert body["count"] == 1 and body["total"] == 1
        assert body["category"] == "building-permits"
        assert body["message"] == "Counted: Building permits, Phone."
        second = click(browser, desk, category="building-permits", channel="phone")
        assert second["count"] == 2 and second["total"] == 2
        assert len(tallies()) == 2

    def test_undo_takes_back_the_last_click(self, browser, desk):
        first = click(browser, desk, category="other", channel="visit")
        kept = click(browser, desk, category="other", channel="visit")
        body = click(browser, desk, undo=kept["uid"])
        assert body["ok"] is True
        assert body["count"] == 1 and body["total"] == 1
        assert [b.UID for b in tallies()] == [first["uid"]]

    def test_undo_only_own_recent_tallies(self, functional_app, browser, desk):
        mine = click(browser, desk, category="other", channel="visit")
        other = Browser(functional_app)
        other.raiseHttpErrors = False
        other.addHeader("Authorization", f"Basic agent2:{DEMO_PASSWORD}")
        body = click(other, desk, undo=mine["uid"])
        assert body["ok"] is False
        assert len(tallies()) == 1

    def test_undo_refuses_a_real_inquiry(self, browser, desk):
        with api.env.adopt_roles(["Manager"]):
            real = api.content.create(
                container=desk, type="Inquiry", title="Ekte henvendelse"
            )
        transaction.commit()
        browser.raiseHttpErrors = False
        body = click(browser, desk, undo=real.UID())
        assert body["ok"] is False
        transaction.begin()
        assert real.UID() in [b.UID for b in api.content.find(UID=real.UID())]

    def test_unknown_category_json_error(self, browser, desk):
        browser.raiseHttpErrors = False
        body = click(browser, desk, category="nope", channel="phone")
        assert body["ok"] is False
        assert "nothing counted" in body["message"]
        assert tallies() == []


class TestSuggestionJson:
    def test_suggestion_for_a_category(self, browser, desk):
        browser.open(
            desk.absolute_url() + "/@@routing-suggestion?category=building-permits"
        )
        info = json.loads(browser.contents)
        assert info["unit"] == "servicedesk-building"
        assert info["source"] == "unit"
        assert info["reason"]

    def test_no_category(self, browser, desk):
        browser.open(desk.absolute_url() + "/@@routing-suggestion")
        info = json.loads(browser.contents)
        assert info["unit"] == "" and info["handler"] == ""
        assert "Choose a category" in info["reason"]
