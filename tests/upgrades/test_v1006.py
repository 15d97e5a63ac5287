"""Upgrade 1005 -> 1006: the registry records of the staff directory."""

from collective.servicedesk.settings import IDirectorySettings
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

PREFIX = "collective.servicedesk.directory"


def test_upgrade_1006_adds_missing_records(portal):
    from collective.servicedesk.upgrades.v1006 import directory_settings

    registry = getUtility(IRegistry)
    for name in IDirectorySettings.names():
        del registry.records[f"{PREFIX}.{name}"]
    directory_settings()
    assert registry[f"{PREFIX}.cache_seconds"] == 300
    registry[f"{PREFIX}.cache_seconds"] = 60
    directory_settings()  # a second run keeps the admin's value
    assert registry[f"{PREFIX}.cache_seconds"] == 60


def test_upgrade_step_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("collective.servicedesk:default", show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert ("1005", "1006") in [(s["ssource"], s["sdest"]) for s in flat]
