"""The competence and roster screens (no JavaScript: the widgets degrade to inputs)."""

from collective.servicedesk.routing import competence
from collective.servicedesk.routing import competent_for
from collective.servicedesk.routing import on_duty
from collective.servicedesk.routing import roster
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
import pytest
import transaction


@pytest.fixture
def people(functional_portal):
    for user_id, fullname in (("anna", "Anna Andersen"), ("bjorn", "Bjørn Berg")):
        api.user.create(
            username=user_id,
            email=f"{user_id}@example.org",
            password="secret-password-123",
            properties={"fullname": fullname},
        )
    api.group.create(groupname="unit-building", title="Building unit")
    api.group.add_user(groupname="unit-building", username="bjorn")
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
    transaction.commit()


@pytest.fixture
def browser(functional_app, functional_portal, people):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


class TestCompetenceScreen:
    def test_one_field_per_active_category(self, browser, functional_portal):
        from collective.servicedesk.categories import storage

        storage.retire_category("parking")
        transaction.commit()
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-competence")
        assert browser.getControl(name="form.widgets.building-permits")
        assert "Byggesak" in browser.contents or "Building permits" in browser.contents
        with pytest.raises(LookupError):
            browser.getControl(name="form.widgets.parking")

    def test_save_users_and_groups(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-competence")
        browser.getControl(
            name="form.widgets.building-permits"
        ).value = "user__anna;group__unit-building"
        browser.getControl(name="form.widgets.water-sewage").value = "user__bjorn"
        browser.getControl(name="form.buttons.save").click()
        assert "Competence saved." in browser.contents
        transaction.begin()
        assert competence.get_competence("building-permits") == [
            "user:anna",
            "group:unit-building",
        ]
        assert competent_for("building-permits") == ["anna", "bjorn"]
        assert competent_for("water-sewage") == ["bjorn"]
        # The saved values are shown again.
        assert (
            browser.getControl(name="form.widgets.water-sewage").value == "user__bjorn"
        )

    def test_unknown_person_is_refused(self, browser, functional_portal):
        competence.set_competence("parking", ["user:anna"])
        transaction.commit()
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-competence")
        browser.getControl(name="form.widgets.parking").value = "user__anna;user__ghost"
        browser.getControl(name="form.buttons.save").click()
        assert "There were some errors." in browser.contents
        assert (
            browser.getControl(name="form.widgets.parking").value
            == "user__anna;user__ghost"
        )
        transaction.begin()
        assert competence.get_competence("parking") == ["user:anna"]


class TestRosterScreen:
    def fill(self, browser, principal, categories, start, end, note=""):
        browser.getControl(name="form.widgets.principals").value = principal
        browser.getControl(name="form.widgets.categories:list").value = categories
        browser.getControl(name="form.widgets.start").value = start
        browser.getControl(name="form.widgets.end").value = end
        browser.getControl(name="form.widgets.note").value = note
        browser.getControl(name="form.buttons.add").click()

    def test_add_period_in_site_time(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-roster")
        self.fill(
            browser,
            "user__anna;group__unit-building",
            ["building-permits", "parking"],
            "2026-03-02T08:00",
            "2026-03-02T16:00",
            "Early shift",
        )
        assert "Duty period added." in browser.contents
        transaction.begin()
        # 08:00 in Oslo (winter time) is 07:00 UTC.
        assert on_duty("parking", datetime(2026, 3, 2, 7, 0, tzinfo=UTC)) == [
            "anna",
            "bjorn",
        ]
        assert on_duty("parking", datetime(2026, 3, 2, 6, 59, tzinfo=UTC)) == []
        periods = roster.list_periods()
        assert sorted(p["user"] for p in periods) == [
            "group:unit-building",
            "user:anna",
        ]
        assert {p["note"] for p in periods} == {"Early shift"}
        assert {p["categories"] for p in periods} == {("building-permits", "parking")}

    def test_end_before_start_keeps_values(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-roster")
        self.fill(
            browser,
            "user__anna",
            ["parking"],
            "2026-03-02T16:00",
            "2026-03-02T08:00",
            "Oops",
        )
        assert "The period must end after it starts." in browser.contents
        assert browser.getControl(name="form.widgets.note").value == "Oops"
        assert browser.getControl(name="form.widgets.categories:list").value == [
            "parking"
        ]
        transaction.begin()
        assert roster.list_periods() == []

    def test_missing_fields(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-roster")
        browser.getControl(name="form.buttons.add").click()
        assert "Required input is missing." in browser.contents

    def test_week_table_and_list_and_remove(self, browser, functional_portal):
        now = datetime.now(UTC)
        roster.add_period(
            "anna", ["parking"], now - timedelta(hours=1), now + timedelta(hours=1)
        )
        roster.add_period(
            "group:unit-building",
            ["school"],
            now + timedelta(days=1),
            now + timedelta(days=2),
        )
        transaction.commit()
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-roster")
        week = browser.contents.split('class="table table-bordered servicedesk-week"')[
            1
        ]
        assert "Anna Andersen" in week.split("</table>")[0]
        listing = browser.contents.split("servicedesk-periods")[1]
        assert "Anna Andersen" in listing and "Building unit" in listing
        browser.getControl(name="remove", index=0).click()
        assert "Duty period removed." in browser.contents
        transaction.begin()
        assert on_duty("parking") == []
        assert len(roster.list_periods()) == 1

    def test_week_navigation(self, browser, functional_portal):
        roster.add_period(
            "anna",
            ["parking"],
            datetime(2026, 3, 3, 8, tzinfo=UTC),
            datetime(2026, 3, 3, 12, tzinfo=UTC),
        )
        transaction.commit()
        browser.open(
            f"{functional_portal.absolute_url()}/@@servicedesk-roster?week=2026-03-04"
        )
        week = browser.contents.split('servicedesk-week"')[1].split("</table>")[0]
        assert "02.03." in week and "08.03." in week
        assert "09:00–13:00" in week  # Oslo time
        browser.open(
            f"{functional_portal.absolute_url()}/@@servicedesk-roster?week=2026-03-10"
        )
        week = browser.contents.split('servicedesk-week"')[1].split("</table>")[0]
        assert "Anna Andersen" not in week
