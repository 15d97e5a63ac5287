"""Pins the ZCatalog behaviour that catalogaccess.py relies on.

Each check compares the fast path (record ids, index rows) with what the
public catalog API answers for the same records. If an upgrade of
Products.ZCatalog or Products.PluginIndexes changes the internals read in
catalogaccess.py, these fail instead of statistics and facets going wrong.
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from collective.servicedesk import catalogaccess
from datetime import UTC
from datetime import datetime
from plone import api
from Products.PluginIndexes.DateIndex.DateIndex import DateIndex
from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex
from Products.PluginIndexes.KeywordIndex.KeywordIndex import KeywordIndex
import pytest


@pytest.fixture
def catalog(portal):
    with api.env.adopt_roles(["Manager"]):
        for number, subjects in enumerate((["vei"], ["vei", "snø"], ["skole"])):
            document = api.content.create(
                portal, "Document", id=f"doc{number}", title=f"Brøyting av vei {number}"
            )
            document.setSubject(subjects)
            document.reindexObject()
        api.content.create(portal, "Folder", id="folder", title="Mappe")
    return api.portal.get_tool("portal_catalog")


def _rids(brains) -> set[int]:
    return {brain.getRID() for brain in brains}


class TestIndexes:
    def test_get_index_is_the_unwrapped_index(self, catalog):
        assert isinstance(catalogaccess.get_index("portal_type"), FieldIndex)
        assert isinstance(catalogaccess.get_index("Subject"), KeywordIndex)
        assert isinstance(catalogaccess.get_index("created"), DateIndex)
        assert catalogaccess.get_index("no_such_index") is None

    @pytest.mark.parametrize("name", ["portal_type", "Subject"])
    def test_value_rids_are_the_records_of_each_value(self, catalog, name):
        found = dict(catalogaccess.value_rids(name))
        assert found
        for value, rids in found.items():
            assert set(rids) == _rids(
                catalog.unrestrictedSearchResults(**{name: value})
            )
        assert len(found["Document" if name == "portal_type" else "vei"]) == 3 - (
            name == "Subject"
        )

    def test_a_value_of_one_record_is_a_set_too(self, catalog):
        found = dict(catalogaccess.value_rids("Subject"))
        # "skole" and "snø" have one document each (an index keeps such a
        # value's record as a bare int; value_rids gives a set all the same).
        for value in ("skole", "snø"):
            assert isinstance(found[value], IISet | IITreeSet)
            assert len(found[value]) == 1
            assert list(found[value]) == [catalog(Subject=value)[0].getRID()]

    def test_value_counts(self, catalog):
        counts = catalogaccess.value_counts("Subject")
        assert counts["vei"] == 2
        assert counts["skole"] == 1
        assert counts["snø"] == 1
        assert catalogaccess.value_counts("no_such_index") == {}

    def test_rid_values_is_the_indexed_value(self, catalog):
        portal_type_of = catalogaccess.rid_values("portal_type")
        for brain in catalog.unrestrictedSearchResults(path="/plone"):
            assert portal_type_of(brain.getRID()) == brain.portal_type
        assert portal_type_of(-12345) is None
        assert catalogaccess.rid_values("no_such_index")(1) is None

    def test_date_key_is_the_utc_minute_encoding(self, catalog):
        when = datetime(2026, 3, 14, 9, 26, 53, tzinfo=UTC)
        expected = (((2026 * 12 + 3) * 31 + 14) * 24 + 9) * 60 + 26
        assert catalogaccess.date_key("created", when) == expected
        assert catalogaccess.date_key("no_such_index", when) is None

    def test_date_key_compares_with_the_stored_dates(self, catalog):
        created_of = catalogaccess.rid_values("created")
        for brain in catalog(portal_type="Document"):
            created = brain.created.asdatetime().astimezone(UTC).replace(second=0)
            stored = created_of(brain.getRID())
            assert stored == catalogaccess.date_key("created", created)


class TestResults:
    @pytest.mark.parametrize(
        "query",
        [
            {"portal_type": "Document"},
            {"portal_type": "Document", "sort_on": "id"},
            {"portal_type": "Document", "sort_on": "id", "sort_limit": 2},
        ],
    )
    def test_result_rids_without_brains(self, catalog, query):
        results = catalog.unrestrictedSearchResults(**query)
        assert getattr(results, "_seq", None) is not None  # the fast path is taken
        assert catalogaccess.result_rids(results) == [b.getRID() for b in results]

    def test_ranked_results_hold_score_tuples_with_the_rid_last(self, catalog):
        results = catalog.unrestrictedSearchResults(SearchableText="Brøyting")
        assert len(results) == 3
        assert all(isinstance(item, tuple) for item in results._seq)
        assert catalogaccess.result_rids(results) == [b.getRID() for b in results]

    def test_results_of_another_shape_fall_back_to_brains(self, catalog):
        brains = list(catalog(portal_type="Document"))
        assert catalogaccess.result_rids(brains) == [b.getRID() for b in brains]

    def test_brains_of_rids(self, catalog):
        expected = list(catalog(portal_type="Document", sort_on="id"))
        rids = [brain.getRID() for brain in reversed(expected)]
        found = catalogaccess.brains(rids)
        assert [brain.getPath() for brain in found] == [
            brain.getPath() for brain in reversed(expected)
        ]
        assert [brain.getRID() for brain in found] == rids


class TestRecordsOf:
    @pytest.mark.parametrize(
        ("name", "value"),
        [("Subject", "vei"), ("Subject", "skole"), ("portal_type", "Document")],
    )
    def test_records_of_a_value_are_what_a_query_finds(self, catalog, name, value):
        found = catalogaccess.records_of(name, value)
        assert isinstance(found, IISet | IITreeSet)
        assert set(found) == _rids(catalog.unrestrictedSearchResults(**{name: value}))

    def test_unknown_values_and_indexes_give_an_empty_set(self, catalog):
        assert len(catalogaccess.records_of("Subject", "finnes-ikke")) == 0
        assert len(catalogaccess.records_of("no_such_index", "vei")) == 0
