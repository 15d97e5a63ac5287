"""Routing, vocabularies, notices and panels with directory staff (real slapd)."""

from collective.servicedesk.directory import client
from collective.servicedesk.directory import people
from collective.servicedesk.directory.availability import set_status
from collective.servicedesk.notifications import notify
from collective.servicedesk.notifications import queue
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.registration import vocabularies
from collective.servicedesk.routing.competence import set_competence
from collective.servicedesk.routing.suggest import suggest
from collective.servicedesk.workspace.presence import board
from tests.directory.conftest import connect_site
from tests.helpers.mail import configure_mailhost
import pytest
import transaction

NOTICE = {
    "reference": "2026-000017",
    "title": "Gatelys",
    "url": "http://nohost/plone/desk/gatelys",
    "due": "09.03.2026 10:30",
}


def building_people(tree) -> set[str]:
    return set(tree.members["sd-building"]) - set(tree.disabled)


@pytest.fixture
def count_searches(monkeypatch):
    """Count the directory searches (the real ones still run)."""
    calls = []
    original = client.search

    def counting(*args, **kwargs):
        calls.append(args[1] if len(args) > 1 else kwargs.get("filterstr"))
        return original(*args, **kwargs)

    monkeypatch.setattr(client, "search", counting)
    return calls


class TestRouting:
    def test_competent_unit_routes_to_a_directory_user(self, directory):
        set_competence("building-permits", ["group:unit-building"])
        suggestion = suggest("building-permits", load=lambda users: {})
        assert suggestion.source == "competence"
        assert suggestion.handler in building_people(directory.tree)

    def test_vocabularies_search_groups_not_the_directory(
        self, directory, count_searches
    ):
        units = vocabularies.units(None)
        assert "unit-frontdesk" in [term.value for term in units]
        handlers = {term.value: term.title for term in vocabularies.handlers(None)}
        assert handlers["aode"] == "Åse Ødegård"
        assert building_people(directory.tree) <= set(handlers)
        assert len(handlers) < 100  # the units' people, not 5 000 users
        first = len(count_searches)
        assert first > 0
        # Within the cache time: no directory call at all, whatever the size.
        vocabularies.handlers(None)
        vocabularies.units(None)
        assert len(count_searches) == first


class TestNotices:
    def test_notice_goes_to_the_directory_address(self, directory):
        keys = notify(["aode"], "assignment", **NOTICE)
        assert [queue.get_item(k)["to"] for k in keys] == [["aode@kommune.test"]]

    def test_notice_to_a_unit_reaches_its_directory_people(self, directory):
        keys = notify(["unit-building"], "assignment", **NOTICE)
        addresses = {queue.get_item(k)["to"][0] for k in keys}
        expected = {f"{u}@kommune.test" for u in building_people(directory.tree)}
        assert addresses == expected

    def test_delivered_by_smtp(self, functional_portal, slapd, smtp):
        connect_site(functional_portal, slapd)
        configure_mailhost(functional_portal, smtp.port)
        transaction.commit()
        notify(["ksorlie"], "assignment", **NOTICE)
        transaction.commit()
        assert wait_for_deliveries(20)
        message = smtp.to("ksorlie@kommune.test")[0]
        assert "2026-000017" in message["Subject"]
        people.clear()


class TestPanels:
    def test_presence_panel_names_from_the_directory(self, directory, count_searches):
        for user_id in ("aode", "bjaesoy", "ksorlie", "ohaland"):
            set_status(user_id, "available")
        rows = board.colleagues("aode")
        names = {row["id"]: row["name"] for row in rows}
        assert names["ohaland"] == "Øystein Håland"
        assert names["bjaesoy"] == "Bjørn Æsøy"
        by_id = {row["id"]: row for row in rows}
        assert by_id["ksorlie"]["department"] == "Helse og omsorg"
        assert by_id["ksorlie"]["phone"] == "+47 55 000002"
        before = len(count_searches)
        board.colleagues("aode")
        assert len(count_searches) == before  # no directory call per row

    def test_directory_profile_in_plone(self, directory):
        from plone import api

        user = api.user.get(userid="ohaland")
        assert user.getProperty("department") == "Servicetorget"
        assert user.getProperty("title") == "Rådgiver"
