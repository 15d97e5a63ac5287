"""Upgrade 1012 -> 1013: the "Manage reply macros" permission."""

from collective.servicedesk.upgrades.v1013 import PERMISSION
from collective.servicedesk.upgrades.v1013 import macro_permission
from plone import api

PROFILE = "collective.servicedesk:default"
ROLES = {"Manager", "Site Administrator", "Service Desk Lead"}


def granted(portal) -> set[str]:
    return {r["name"] for r in portal.rolesOfPermission(PERMISSION) if r["selected"]}


def test_registered(portal):
    steps = api.portal.get_tool("portal_setup").listUpgrades(PROFILE, show_old=True)
    flat = [
        step
        for group in steps
        for step in (group if isinstance(group, list) else [group])
    ]
    assert any(step["ssource"] == "1012" and step["sdest"] == "1013" for step in flat)


def test_installed_like_the_upgrade(portal):
    assert granted(portal) == ROLES


def test_upgrade_grants_the_permission(portal):
    # A site from before 1013: only Manager has it (Zope's default).
    portal.manage_permission(PERMISSION, roles=["Manager"], acquire=True)
    assert granted(portal) == {"Manager"}
    other = "collective.servicedesk: Manage reply templates"
    before = {r["name"] for r in portal.rolesOfPermission(other) if r["selected"]}
    macro_permission(api.portal.get_tool("portal_setup"))
    assert granted(portal) == ROLES
    after = {r["name"] for r in portal.rolesOfPermission(other) if r["selected"]}
    assert after == before
