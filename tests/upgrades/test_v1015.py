"""Upgrade 1014 -> 1015: catalogue trees with small buckets (issue 19)."""

from Acquisition import aq_base
from collective.servicedesk.search.leaves import LeanCatalog
from collective.servicedesk.search.leaves import LeanIOBTree
from plone import api
from tests.search.test_leaves import answers
from tests.search.test_leaves import as_1014
from tests.search.test_leaves import desk  # noqa: F401 (fixture)
from tests.search.test_leaves import lean_trees


def test_step_converts_an_old_site(portal, desk):  # noqa: F811
    from collective.servicedesk.upgrades.v1015 import lean_trees as step

    catalog = api.portal.get_tool("portal_catalog")
    before = answers(catalog, desk)
    as_1014(portal)
    assert lean_trees(portal) == {}
    entries = len(catalog._catalog.data)

    step(api.portal.get_tool("portal_setup"))

    assert type(aq_base(catalog._catalog)) is LeanCatalog
    assert type(aq_base(catalog._catalog).data) is LeanIOBTree
    assert len(catalog._catalog.data) == entries >= 40
    trees = lean_trees(portal)
    assert {"catalog.data", "intids.refs", "allowedRolesAndUsers._unindex"} <= set(
        trees
    )
    assert answers(catalog, desk) == before
    # A registration after the upgrade is indexed into the lean trees.
    api.content.create(
        container=desk, type="Inquiry", title="Etter", description="Kvernhusbakken"
    )
    assert len(catalog.unrestrictedSearchResults(Title="Etter")) == 1
    assert len(catalog._catalog.data) == entries + 1


def test_upgrade_step_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("collective.servicedesk:default", show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert ("1014", "1015") in [(s["ssource"], s["sdest"]) for s in flat]
