"""Catalogue trees with small buckets (issue 19, lean writes): search/leaves.py."""

from Acquisition import aq_base
from BTrees import check as btrees_check
from BTrees.IIBTree import IIBTree
from BTrees.IOBTree import IOBTree
from BTrees.OIBTree import OIBTree
from BTrees.OOBTree import OOBTree
from collective.servicedesk.search.leaves import LEAN
from collective.servicedesk.search.leaves import LeanCatalog
from collective.servicedesk.search.leaves import LeanIOBTree
from collective.servicedesk.search.leaves import LeanOIBTree
from collective.servicedesk.search.leaves import convert
from collective.servicedesk.search.leaves import packed
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from Products.ZCatalog.Catalog import Catalog
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import pytest
import random
import transaction

PLAIN = {lean: plain for plain, (lean, _bucket) in LEAN.items()}


def buckets(tree) -> list[int]:
    """The length of each bucket, first to last."""
    sizes, bucket = [], tree._firstbucket
    while bucket is not None:
        sizes.append(len(bucket))
        bucket = bucket._next
    return sizes


def lean_trees(site) -> dict:
    """{label: tree} of every lean tree of the site (catalogue, lexicons, intids)."""
    found = {}
    catalog = aq_base(site.portal_catalog._catalog)
    owners = [("catalog", catalog)]
    for name, index in catalog.indexes.items():
        owners.append((name, aq_base(index)))
        inner = aq_base(index).__dict__.get("index")
        if inner is not None:
            owners.append((f"{name}.index", inner))
    owners.extend(
        (lexicon.getId(), aq_base(lexicon))
        for lexicon in site.portal_catalog.objectValues()
        if hasattr(lexicon, "_wids")
    )
    owners.append(("intids", aq_base(getUtility(IIntIds))))
    for label, owner in owners:
        owner._p_activate()
        for attr, value in vars(owner).items():
            if type(value) in PLAIN:
                found[f"{label}.{attr}"] = value
    return found


def as_1014(site) -> None:
    """Put the site back into the layout of a 1014 site: BTrees' own classes."""
    for label, tree in lean_trees(site).items():
        owner_label, attr = label.rsplit(".", 1)
        owner = _owner(site, owner_label)
        setattr(owner, attr, PLAIN[type(tree)](tree))
    catalog = aq_base(site.portal_catalog._catalog)
    catalog.__class__ = Catalog
    catalog._p_changed = True


def _owner(site, label: str):
    catalog = aq_base(site.portal_catalog._catalog)
    if label == "catalog":
        return catalog
    if label == "intids":
        return aq_base(getUtility(IIntIds))
    name, _, inner = label.partition(".")
    if name in catalog.indexes:
        index = aq_base(catalog.indexes[name])
        return index.index if inner else index
    return aq_base(site.portal_catalog[name])


def answers(catalog, desk) -> list:
    """What a few queries answer: paths in order and metadata of the brains."""
    queries = (
        {"portal_type": "Inquiry", "sort_on": "created"},
        {
            "portal_type": "Inquiry",
            "sort_on": "sortable_title",
            "sort_order": "reverse",
        },
        {"servicedesk_text": "Kvernhusbakken", "sort_on": "getId"},
        {"SearchableText": "lekkasje"},
        {"path": {"query": "/plone/desk", "depth": 1}, "sort_on": "id"},
        {"UID": [inquiry.UID() for inquiry in desk.objectValues()[:3]]},
    )
    found = []
    for query in queries:
        brains = catalog.unrestrictedSearchResults(**query)
        found.append(
            [
                (b.getPath(), b.Title, b.review_state, b.portal_type, b.UID)
                for b in brains
            ]
        )
    return found


@pytest.fixture
def desk(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    desk = api.content.create(container=portal, type="ServiceDesk", id="desk")
    for number in range(40):
        api.content.create(
            container=desk,
            type="Inquiry",
            title=f"Lekkasje {number:02d}" if number % 3 else f"Vann {number:02d}",
            description="Kvernhusbakken" if number % 2 else "Storgata",
        )
    return desk


class TestPacked:
    @pytest.mark.parametrize("plain", [IOBTree, OIBTree, OOBTree, IIBTree])
    @pytest.mark.parametrize("count", [0, 1, 16, 17, 500, 16 * 64 * 2 + 5])
    def test_keeps_every_item_in_full_small_buckets(self, plain, count):
        def key(number):
            return number * 7 if plain in (IOBTree, IIBTree) else f"k{number:08d}"

        value = 1 if plain in (OIBTree, IIBTree) else ("record", 2)
        tree = plain({key(number): value for number in range(count)})
        lean = packed(tree)
        lean._check()
        assert type(lean) is LEAN[plain][0]
        assert list(lean.items()) == list(tree.items())
        assert all(lean[k] == v for k, v in tree.items())
        sizes = buckets(lean)
        assert all(size <= type(lean).max_leaf_size for size in sizes)
        # Packed full: no more buckets than the leaf size requires.
        assert len(sizes) == -(-count // type(lean).max_leaf_size)
        # Inserted into and deleted from like any tree, splits included.
        for number in range(count, count + 100):
            lean[key(number)] = value
        for number in range(0, count, 3):
            del lean[key(number)]
        lean._check()
        assert len(lean) == count + 100 - len(range(0, count, 3))
        assert max(buckets(lean)) <= type(lean).max_leaf_size

    def test_a_lean_tree_needs_no_copy(self):
        assert packed(LeanIOBTree()) is None
        assert packed(None) is None


class TestSite:
    def test_a_new_site_has_lean_trees(self, portal):
        catalog = aq_base(portal.portal_catalog._catalog)
        assert type(catalog) is LeanCatalog
        assert type(catalog.data) is LeanIOBTree
        assert type(catalog.uids) is LeanOIBTree
        intids = aq_base(getUtility(IIntIds))
        assert type(intids.refs) is LeanIOBTree
        assert type(intids.ids) is LeanOIBTree
        for name in ("allowedRolesAndUsers", "path", "UID", "review_state"):
            assert type(aq_base(catalog.indexes[name])._unindex) in PLAIN
        text = aq_base(catalog.indexes["servicedesk_text"]).index
        assert type(text._docwords) is LeanIOBTree
        assert convert(portal) == {}  # idempotent

    def test_registrations_write_into_small_buckets(self, portal, desk):
        catalog = aq_base(portal.portal_catalog._catalog)
        assert len(catalog.data) >= 40
        for label, tree in lean_trees(portal).items():
            assert max(buckets(tree), default=0) <= type(tree).max_leaf_size, label
        assert len(buckets(catalog.data)) >= 40 // LeanIOBTree.max_leaf_size

    def test_conversion_keeps_items_and_answers(self, portal, desk):
        catalog = portal.portal_catalog
        before = answers(catalog, desk)
        assert [len(found) for found in before[:3]] == [40, 40, 20]
        as_1014(portal)
        assert lean_trees(portal) == {}
        plain_answers = answers(catalog, desk)
        items = {
            label: list(tree.items())
            for label, tree in _plain_trees(portal).items()
            if label in LABELS
        }

        done = convert(portal)

        assert type(aq_base(catalog._catalog)) is LeanCatalog
        assert done["catalog.data"] == len(catalog._catalog.data) >= 40
        trees = lean_trees(portal)
        assert set(done) == set(trees)
        for label, content in items.items():
            assert list(trees[label].items()) == content, label
        assert answers(catalog, desk) == plain_answers == before
        # Metadata of a brain read from the lean metadata tree.
        brain = catalog.unrestrictedSearchResults(portal_type="Inquiry")[0]
        assert brain.getObject().Title() == brain.Title
        assert convert(portal) == {}

    def test_clear_and_rebuild_keeps_the_layout(self, portal, desk):
        catalog = portal.portal_catalog
        before = answers(catalog, desk)

        catalog.clearFindAndRebuild()

        assert type(aq_base(catalog._catalog)) is LeanCatalog
        assert type(aq_base(catalog._catalog).data) is LeanIOBTree
        assert type(aq_base(catalog._catalog.getIndex("UID"))._unindex) in PLAIN
        assert answers(catalog, desk) == before
        for label, tree in lean_trees(portal).items():
            assert max(buckets(tree), default=0) <= type(tree).max_leaf_size, label

    def test_a_cleared_catalogue_is_lean(self, portal, desk):
        catalog = portal.portal_catalog
        catalog.manage_catalogClear()
        assert len(catalog) == 0
        assert type(aq_base(catalog._catalog).data) is LeanIOBTree
        text = aq_base(catalog._catalog.getIndex("servicedesk_text")).index
        assert type(text._docwords) is LeanIOBTree
        transaction.savepoint(optimistic=True)


LABELS = (
    "catalog.data",
    "catalog.uids",
    "catalog.paths",
    "allowedRolesAndUsers._unindex",
    "path._unindex",
    "servicedesk_text.index._docwords",
    "intids.refs",
)


def _plain_trees(site) -> dict:
    """{label: tree} of the trees convert would copy (the 1014 layout)."""
    found = {}
    for label in LABELS:
        owner_label, attr = label.rsplit(".", 1)
        found[label] = getattr(_owner(site, owner_label), attr)
    return found


@pytest.mark.parametrize("size", [0, 1, 16, 17, 1024, 1025, 20_000])
def test_packed_trees_pass_btrees_own_check(monkeypatch, size):
    """BTrees' structural check on packed copies, before and after changes."""
    for plain, (lean, _bucket) in LEAN.items():
        monkeypatch.setitem(
            btrees_check._type2kind, lean, btrees_check._type2kind[plain]
        )
        monkeypatch.setitem(
            btrees_check._btree2bucket, lean, btrees_check._btree2bucket[plain]
        )
    rng = random.Random(size)
    tree = IOBTree(
        {key: str(key) for key in rng.sample(range(-(2**31), 2**31 - 1), size)}
    )
    copy = packed(tree)
    btrees_check.check(copy)
    assert list(copy.items()) == list(tree.items())
    for key in rng.sample(range(-(2**31), 2**31 - 1), 300):
        copy[key] = tree[key] = "new"
    for key in list(tree.keys())[::3]:
        del copy[key]
        del tree[key]
    btrees_check.check(copy)
    assert list(copy.items()) == list(tree.items())
