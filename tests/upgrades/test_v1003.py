"""Upgrade 1001 -> 1003: the "get started" configlet in Site Setup."""

from collective.servicedesk.upgrades.v1003 import add_get_started
from plone import api

PROFILE = "collective.servicedesk:default"


def configlets() -> list[str]:
    tool = api.portal.get_tool("portal_controlpanel")
    return [action.getId() for action in tool.listActions()]


def test_registered(portal):
    steps = api.portal.get_tool("portal_setup").listUpgrades(PROFILE, show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert ("1001", "1003") in [(s["ssource"], s["sdest"]) for s in flat]


def test_adds_the_configlet(portal):
    api.portal.get_tool("portal_controlpanel").unregisterConfiglet(
        "servicedesk-get-started"
    )
    assert "servicedesk-get-started" not in configlets()
    add_get_started()
    assert "servicedesk-get-started" in configlets()
    assert configlets().count("servicedesk-get-started") == 1
