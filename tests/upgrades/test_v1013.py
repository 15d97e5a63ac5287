"""Upgrade 1012 -> 1013: the "Manage reply macros" permission."""

from collective.servicedesk.upgrades.v1013 import PERMISSION
from collective.servicedesk.upgrades.v1013 import macro_permission
from plone import api
from tests.helpers.upgrades import registered_steps
import pytest

PROFILE = "collective.servicedesk:default"
ROLES = {"Manager", "Site Administrator", "Service Desk Lead"}


def granted(portal) -> set[str]:
    return {r["name"] for r in portal.rolesOfPermission(PERMISSION) if r["selected"]}


def test_registered(portal):
    assert ("1012", "1013") in registered_steps()


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


def configlets() -> list[str]:
    tool = api.portal.get_tool("portal_controlpanel")
    return [action.getId() for action in tool.listActions()]


def test_upgrade_adds_the_configlet(portal):
    tool = api.portal.get_tool("portal_controlpanel")
    tool.unregisterConfiglet("servicedesk-reply-macros")
    assert "servicedesk-reply-macros" not in configlets()
    macro_permission(api.portal.get_tool("portal_setup"))
    assert "servicedesk-reply-macros" in configlets()
    assert configlets().count("servicedesk") == 1


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, uninstalled):
        pass

    def test_configlet_removed(self, portal):
        assert "servicedesk-reply-macros" not in configlets()
