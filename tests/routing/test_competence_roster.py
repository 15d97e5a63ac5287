"""Competence profiles and the on-duty roster (storage and look-ups)."""

from collective.servicedesk.routing import competence
from collective.servicedesk.routing import competent_for
from collective.servicedesk.routing import on_duty
from collective.servicedesk.routing import roster
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from zoneinfo import ZoneInfo
from zope.annotation.interfaces import IAnnotations
import pytest

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class TestCompetence:
    def test_users_and_groups_expanded(self, people):
        competence.set_competence(
            "building-permits", ["user:anna", "group:unit-building"]
        )
        assert competent_for("building-permits") == ["anna", "bjorn", "carl"]
        assert competence.get_competence("building-permits") == [
            "user:anna",
            "group:unit-building",
        ]

    def test_nested_groups_and_duplicates(self, people):
        competence.set_competence(
            "parking", ["group:unit-outer", "user:carl", "group:unit-outer"]
        )
        assert competence.get_competence("parking") == ["group:unit-outer", "user:carl"]
        assert sorted(competent_for("parking")) == ["bjorn", "carl", "dina"]

    def test_bare_ids_and_unknown_principals(self, people):
        competence.set_competence(
            "parking", ["anna", "unit-building", "user:ghost", "group:none"]
        )
        assert competent_for("parking") == ["anna", "bjorn", "carl"]

    def test_empty(self, people):
        assert competent_for("parking") == []
        assert competent_for(None) == []
        competence.set_competence("parking", ["user:anna"])
        competence.set_competence("parking", [])
        assert competence.all_competence() == {}

    def test_no_write_when_unchanged_or_empty(self, people):
        competence.set_competence("parking", [])
        assert competence.ANNOTATION_KEY not in IAnnotations(api.portal.get())


class TestRoster:
    def test_on_duty_in_period_only(self, people):
        roster.add_period(
            "anna", ["building-permits"], MONDAY, MONDAY + timedelta(hours=8)
        )
        assert on_duty("building-permits", MONDAY) == ["anna"]
        assert on_duty("building-permits", MONDAY + timedelta(hours=7, minutes=59)) == [
            "anna"
        ]
        assert on_duty("building-permits", MONDAY + timedelta(hours=8)) == []
        assert on_duty("building-permits", MONDAY - timedelta(seconds=1)) == []
        assert on_duty("parking", MONDAY + timedelta(hours=1)) == []

    def test_several_and_groups(self, people):
        roster.add_period("anna", ["parking"], MONDAY, MONDAY + timedelta(days=5))
        roster.add_period(
            "group:unit-building",
            ["parking", "school"],
            MONDAY,
            MONDAY + timedelta(days=1),
        )
        assert on_duty("parking", MONDAY + timedelta(hours=2)) == [
            "anna",
            "bjorn",
            "carl",
        ]
        assert on_duty("school", MONDAY + timedelta(days=2)) == []

    def test_naive_time_is_site_time(self, people):
        api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
        # 08:00 UTC in March is 09:00 in Oslo.
        roster.add_period("anna", ["parking"], MONDAY, MONDAY + timedelta(hours=1))
        assert on_duty("parking", datetime(2026, 3, 2, 9, 30)) == ["anna"]
        assert on_duty("parking", datetime(2026, 3, 2, 8, 30)) == []
        local = MONDAY.astimezone(ZoneInfo("Europe/Oslo"))
        assert on_duty("parking", local) == ["anna"]

    def test_default_is_now(self, people):
        now = datetime.now(UTC)
        roster.add_period(
            "anna", ["parking"], now - timedelta(hours=1), now + timedelta(hours=1)
        )
        assert on_duty("parking") == ["anna"]

    def test_remove_and_list(self, people):
        first = roster.add_period(
            "anna", ["parking"], MONDAY, MONDAY + timedelta(hours=2), "early"
        )
        roster.add_period(
            "bjorn", ["parking"], MONDAY + timedelta(days=7), MONDAY + timedelta(days=8)
        )
        periods = roster.list_periods(MONDAY, MONDAY + timedelta(days=1))
        assert [(p["user"], p["note"]) for p in periods] == [("anna", "early")]
        assert len(roster.list_periods()) == 2
        assert roster.remove_period(first) is True
        assert roster.remove_period(first) is False
        assert on_duty("parking", MONDAY) == []

    @pytest.mark.parametrize(
        "user,categories,hours",
        [
            ("", ["parking"], 1),
            ("anna", [], 1),
            ("anna", ["parking"], 0),
            ("anna", ["parking"], -1),
        ],
    )
    def test_invalid_periods(self, people, user, categories, hours):
        with pytest.raises(ValueError):
            roster.add_period(user, categories, MONDAY, MONDAY + timedelta(hours=hours))

    def test_old_periods_are_not_scanned(self, people):
        """Look-ups start at the first period that has not ended (BTree range)."""
        for week in range(50):
            start = MONDAY - timedelta(weeks=week + 1)
            roster.add_period("bjorn", ["parking"], start, start + timedelta(hours=8))
        roster.add_period("anna", ["parking"], MONDAY, MONDAY + timedelta(hours=8))
        tree = roster._storage()
        key = MONDAY.strftime(roster.KEY_FORMAT)
        assert len(list(tree.keys(min=key))) == 1
        assert on_duty("parking", MONDAY) == ["anna"]
