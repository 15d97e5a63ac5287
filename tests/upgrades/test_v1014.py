"""Upgrade 1013 -> 1014: text indexes with postings that merge (issue 19)."""

from BTrees.IIBTree import IIBTree
from collective.servicedesk.search.postings import ConcurrentOkapiIndex
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from Products.ZCTextIndex.OkapiIndex import OkapiIndex


def _as_1013(index) -> None:
    """Put a text index back into the state of a 1013 site: stock OkapiIndex."""
    okapi = index.index
    okapi.__class__ = OkapiIndex
    okapi._p_changed = True
    index._index_factory = OkapiIndex
    for wid, postings in list(okapi._wordinfo.items()):
        if len(postings) < OkapiIndex.DICT_CUTOFF:
            okapi._wordinfo[wid] = dict(postings.items())


def test_step_converts_the_text_indexes(portal):
    from collective.servicedesk.upgrades.v1014 import concurrent_text_indexes

    setRoles(portal, TEST_USER_ID, ["Manager"])
    catalog = api.portal.get_tool("portal_catalog")
    desk = api.content.create(container=portal, type="ServiceDesk", id="desk")
    api.content.create(
        container=desk, type="Inquiry", title="Lekkasje", description="Kvernhusbakken"
    )
    names = ("servicedesk_text", "SearchableText", "Title")
    indexes = [catalog._catalog.getIndex(n) for n in names]
    for index in indexes:
        _as_1013(index)
        assert any(isinstance(p, dict) for p in index.index._wordinfo.values())
    before = len(api.content.find(servicedesk_text="Kvernhusbakken"))
    assert before == 1

    concurrent_text_indexes(api.portal.get_tool("portal_setup"))

    for index in indexes:
        assert type(index.index) is ConcurrentOkapiIndex
        assert index._index_factory is ConcurrentOkapiIndex
        assert all(isinstance(p, IIBTree) for p in index.index._wordinfo.values())
    # Same documents found; new ones indexed by the converted index.
    assert len(api.content.find(servicedesk_text="Kvernhusbakken")) == before
    api.content.create(
        container=desk, type="Inquiry", title="Vann", description="Kvernhusbakken"
    )
    assert len(api.content.find(servicedesk_text="Kvernhusbakken")) == 2
    # A rebuild (clear) creates the new kind again.
    indexes[0].clear()
    assert type(indexes[0].index) is ConcurrentOkapiIndex


def test_a_new_site_has_them(portal):
    catalog = api.portal.get_tool("portal_catalog")
    for name in ("servicedesk_text", "SearchableText", "Title", "Description"):
        assert type(catalog._catalog.getIndex(name).index) is ConcurrentOkapiIndex


def test_upgrade_step_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("collective.servicedesk:default", show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert ("1013", "1014") in [(s["ssource"], s["sdest"]) for s in flat]
