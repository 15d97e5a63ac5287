"""routing.suggest: on duty → competent (least open load) → unit queue → nobody."""

from collective.servicedesk.categories import storage
from collective.servicedesk.routing import Suggestion
from collective.servicedesk.routing import competence
from collective.servicedesk.routing import roster
from collective.servicedesk.routing import suggest
from collective.servicedesk.routing.load import open_load
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from zope.i18n import translate
import pytest

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def loads(**counts):
    """A load function with fixed numbers of open inquiries."""
    return lambda user_ids: {user_id: counts.get(user_id, 0) for user_id in user_ids}


def text(suggestion: Suggestion) -> str:
    return translate(suggestion.reason, target_language="en")


@pytest.fixture
def routed(people, http_request):
    """building-permits: unit-building is the unit; anna on duty now; bjorn and carl
    competent (through their group); parking: nobody at all."""
    http_request["LANGUAGE"] = "en"
    storage.update_category("building-permits", unit="unit-building")
    competence.set_competence("building-permits", ["group:unit-building"])
    roster.add_period(
        "anna", ["building-permits"], NOW - timedelta(hours=2), NOW + timedelta(hours=6)
    )
    return people


class TestOrder:
    def test_on_duty_wins(self, routed):
        result = suggest("building-permits", when=NOW, load=loads(anna=9))
        assert (result.handler, result.unit, result.source) == (
            "anna",
            "unit-building",
            "duty",
        )
        assert result.load == 9
        assert text(result) == "Anna Andersen is on duty for Building permits."

    def test_competence_when_nobody_on_duty(self, routed):
        later = NOW + timedelta(days=1)
        result = suggest("building-permits", when=later, load=loads(bjorn=4, carl=1))
        assert (result.handler, result.unit, result.source) == (
            "carl",
            "unit-building",
            "competence",
        )
        assert result.load == 1
        assert text(result) == (
            "Nobody is on duty for Building permits. Carl Carlsen knows this topic and "
            "has the fewest open inquiries (1) of 2 competent people."
        )

    @pytest.mark.parametrize(
        "counts,expected",
        [
            ({"bjorn": 0, "carl": 0}, "bjorn"),  # a tie goes to the first listed
            ({"bjorn": 3, "carl": 2}, "carl"),
            ({"bjorn": 2, "carl": 3}, "bjorn"),
            ({"bjorn": 0, "carl": 7}, "bjorn"),
        ],
    )
    def test_load_balancing(self, routed, counts, expected):
        later = NOW + timedelta(days=1)
        assert (
            suggest("building-permits", when=later, load=loads(**counts)).handler
            == expected
        )

    def test_load_balancing_among_several_on_duty(self, routed):
        roster.add_period(
            "dina",
            ["building-permits"],
            NOW - timedelta(hours=1),
            NOW + timedelta(hours=1),
        )
        result = suggest("building-permits", when=NOW, load=loads(anna=5, dina=2))
        assert (result.handler, result.source) == ("dina", "duty")
        assert "fewest open inquiries (2) of the 2 people on duty" in text(result)

    def test_exclude_skips_to_next_rule(self, routed):
        result = suggest(
            "building-permits", when=NOW, exclude={"anna"}, load=loads(carl=0, bjorn=1)
        )
        assert (result.handler, result.source) == ("carl", "competence")
        result = suggest(
            "building-permits",
            when=NOW,
            exclude={"anna", "bjorn", "carl"},
            load=loads(),
        )
        assert (result.handler, result.unit, result.source) == (
            None,
            "unit-building",
            "unit",
        )

    def test_unit_fallback(self, routed):
        competence.set_competence("building-permits", [])
        result = suggest("building-permits", when=NOW + timedelta(days=1), load=loads())
        assert (result.handler, result.unit, result.source) == (
            None,
            "unit-building",
            "unit",
        )
        assert text(result) == (
            "Nobody is on duty for or registered as competent in Building permits; "
            "the inquiry goes to the queue of Building unit."
        )

    def test_nobody(self, routed):
        result = suggest("parking", when=NOW, load=loads())
        assert (result.handler, result.unit, result.source) == (None, None, None)
        assert "assign the inquiry by hand" in text(result)

    @pytest.mark.parametrize("category", [None, ""])
    def test_no_category(self, routed, category):
        result = suggest(category)
        assert (result.handler, result.unit, result.source) == (None, None, None)
        assert text(result) == "Choose a category to get a routing suggestion."

    def test_unknown_category(self, routed):
        result = suggest("no-such-category")
        assert result.source is None
        assert "no-such-category" in text(result)

    def test_retired_category_still_routes(self, routed):
        storage.retire_category("building-permits")
        assert suggest("building-permits", when=NOW, load=loads()).handler == "anna"


class TestParents:
    @pytest.fixture
    def tree(self, routed):
        storage.add_category(
            "building", {"en": "Building and property"}, unit="unit-outer"
        )
        storage.add_category("fences", {"en": "Fences"}, parent="building")
        return routed

    def test_parent_duty_covers_child(self, tree):
        roster.add_period("dina", ["building"], NOW, NOW + timedelta(hours=1))
        result = suggest("fences", when=NOW, load=loads())
        assert (result.handler, result.unit, result.source) == (
            "dina",
            "unit-outer",
            "duty",
        )
        assert text(result) == "Dina Dahl is on duty for Building and property."

    def test_own_competence_before_parent_competence(self, tree):
        competence.set_competence("building", ["user:dina"])
        competence.set_competence("fences", ["user:bjorn"])
        assert suggest("fences", when=NOW, load=loads()).handler == "bjorn"
        competence.set_competence("fences", [])
        assert suggest("fences", when=NOW, load=loads()).handler == "dina"

    def test_own_unit_before_parent_unit(self, tree):
        assert suggest("fences", when=NOW, load=loads()).unit == "unit-outer"
        storage.update_category("fences", unit="unit-building")
        assert suggest("fences", when=NOW, load=loads()).unit == "unit-building"


class TestCatalogLoad:
    def test_no_inquiries_no_load(self, routed):
        assert open_load(["bjorn", "carl"]) == {"bjorn": 0, "carl": 0}

    def test_counts_open_inquiries_from_catalog(self, routed, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        desk = api.content.create(
            container=portal, type="ServiceDesk", id="desk", title="Desk"
        )
        for number, handler in enumerate(["bjorn", "bjorn", "bjorn", "carl", "carl"]):
            api.content.create(
                container=desk,
                type="Inquiry",
                id=f"inquiry-{number}",
                title=f"Question {number}",
                category="building-permits",
                responsible_handler=handler,
            )
        # Two of bjorn's inquiries are closed or filed: they do not count.
        workflow = api.portal.get_tool("portal_workflow")
        for number, state in ((0, "closed"), (1, "filed")):
            inquiry = desk[f"inquiry-{number}"]
            chain = workflow.getChainFor(inquiry)[0]
            status = dict(workflow.getStatusOf(chain, inquiry))
            status["review_state"] = state
            workflow.setStatusOf(chain, inquiry, status)
            inquiry.reindexObject(idxs=["review_state"])
        assert open_load(["bjorn", "carl", "anna"]) == {
            "bjorn": 1,
            "carl": 2,
            "anna": 0,
        }
        result = suggest("building-permits", when=NOW + timedelta(days=1))
        assert (result.handler, result.source, result.load) == (
            "bjorn",
            "competence",
            1,
        )


class TestAbsence:
    """Never send a citizen to someone who is not there (field study rule)."""

    def test_absent_person_on_duty_is_skipped(self, routed):
        from collective.servicedesk.directory.availability import set_status

        set_status("anna", "absent", "Ferie")
        result = suggest("building-permits", when=NOW, load=loads(bjorn=3, carl=1))
        assert result.handler == "carl"
        assert result.source == "competence"

    def test_busy_is_not_absent(self, routed):
        from collective.servicedesk.directory.availability import set_status

        set_status("anna", "busy")
        assert suggest("building-permits", when=NOW, load=loads()).handler == "anna"
