"""The catalog queries behind the listings: filters, queues, overdue, permissions."""

from collective.servicedesk.queues import queries
from plone.app.testing import login
import pytest


def titles(query) -> set[str]:
    return {brain.Title for brain in queries.search(query)}


def path(desk) -> str:
    return "/".join(desk.getPhysicalPath())


class TestListing:
    def test_newest_first(self, filled):
        desk, items = filled
        brains = list(queries.search(queries.listing_query(path(desk), {})))
        # Reference numbers are issued in registration order (the created
        # index only resolves minutes).
        numbers = [brain.reference_number for brain in brains]
        assert numbers == sorted(numbers, reverse=True)
        assert brains[0].Title == "Bostøtte"  # registered last

    @pytest.mark.parametrize(
        "filters,expected",
        [
            (
                {},
                {"Garasje", "Dispensasjon", "Vannlekkasje", "Åpningstider", "Bostøtte"},
            ),
            ({"state": "closed"}, {"Åpningstider"}),
            ({"channel": "phone"}, {"Garasje", "Vannlekkasje"}),
            ({"category": "building-permits"}, {"Garasje", "Dispensasjon"}),
            ({"unit": "servicedesk-technical"}, {"Vannlekkasje"}),
            ({"handler": "handler"}, {"Garasje"}),
            ({"overdue": True}, {"Dispensasjon", "Vannlekkasje"}),
            ({"text": "Vannlekkasje"}, {"Vannlekkasje"}),
        ],
    )
    def test_filters_as_agent(self, filled, filters, expected):
        # The agent does not see the confidential inquiry at all.
        desk, items = filled
        assert titles(queries.listing_query(path(desk), filters)) == expected

    def test_tallies_hidden_unless_asked(self, filled):
        from collective.servicedesk.registration.service import register_tally

        desk, items = filled
        register_tally(desk, "other", "phone", category_title="Annet")
        assert "Tally: Annet" not in titles(queries.listing_query(path(desk), {}))
        assert "Tally: Annet" in titles(
            queries.listing_query(path(desk), {"tally": True})
        )


class TestQueues:
    def test_my_open(self, filled):
        desk, items = filled
        login(desk.aq_parent, "handler3")
        assert titles(queries.my_open_query("handler3", path(desk))) == {"Vannlekkasje"}

    def test_follow_up_of_the_agent(self, filled):
        desk, items = filled
        assert titles(queries.follow_up_query("agent", path(desk))) == {"Bostøtte"}

    def test_unit_queue(self, filled):
        desk, items = filled
        login(desk.aq_parent, "handler")
        assert titles(
            queries.unit_queue_query(["servicedesk-building"], path(desk))
        ) == {
            "Garasje",
            "Dispensasjon",
        }

    def test_unit_queue_needs_units(self):
        with pytest.raises(ValueError):
            queries.unit_queue_query([])

    def test_overdue_longest_first(self, filled):
        desk, items = filled
        brains = list(queries.search(queries.overdue_query(path(desk))))
        assert [brain.Title for brain in brains] == ["Dispensasjon", "Vannlekkasje"]


class TestConfidential:
    @pytest.mark.parametrize(
        "user,finds",
        [
            ("handler2", True),  # the assignee
            ("lead", True),
            ("handler", False),  # case handler of another unit
            ("handler3", False),
            ("agent", True),  # registered it: the owner is named on it
            ("agent2", False),  # another agent
        ],
    )
    def test_who_finds_the_confidential_inquiry(self, filled, user, finds):
        desk, items = filled
        login(desk.aq_parent, user)
        found = titles(queries.listing_query(path(desk), {"text": "Sosialhjelp"}))
        assert ("Sosialhjelp" in found) is finds
        found = titles(
            queries.listing_query(path(desk), {"unit": "servicedesk-health"})
        )
        assert ("Sosialhjelp" in found) is finds
