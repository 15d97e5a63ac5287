"""Upgrade 1008 -> 1009: the Service desk and Knowledge base navigation tabs."""

from plone import api

TABS = ("servicedesk", "servicedesk-knowledge")


def test_step_adds_the_tabs(portal):
    from collective.servicedesk.upgrades.v1009 import add_navigation_tabs

    actions = api.portal.get_tool("portal_actions")
    for tab in TABS:
        actions.portal_tabs.manage_delObjects([tab])
    add_navigation_tabs(api.portal.get_tool("portal_setup"))
    assert set(TABS) <= set(actions.portal_tabs.objectIds())


def test_upgrade_step_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("collective.servicedesk:default", show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert ("1008", "1009") in [(s["ssource"], s["sdest"]) for s in flat]
