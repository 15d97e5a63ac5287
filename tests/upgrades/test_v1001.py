"""Upgrade 1000 -> 1001: inquiry permissions move from rolemap.xml to the workflow."""

from AccessControl.Permission import Permission
from AccessControl.PermissionRole import rolesForPermissionOn
from collective.servicedesk.upgrades.v1001 import MOVED_TO_WORKFLOW
from collective.servicedesk.upgrades.v1001 import inquiry_permissions
from plone import api
import pytest

PROFILE = "collective.servicedesk:default"
REPLY = "collective.servicedesk: Reply to citizen"
STAFF = ["Service Desk Agent", "Case Handler", "Service Desk Lead"]


def site_roles(obj, permission: str) -> set[str]:
    """The roles that have ``permission`` on ``obj`` (acquisition included)."""
    return set(rolesForPermissionOn(permission, obj))


@pytest.fixture
def old_site(portal):
    """The state profile 1000 left: site-wide grants, workflow without them."""
    with api.env.adopt_roles(["Manager"]):
        desk = api.content.create(container=portal, type="ServiceDesk", id="desk")
        inquiry = api.content.create(container=desk, type="Inquiry", title="Old")
    for permission in MOVED_TO_WORKFLOW:
        Permission(permission, (), portal).setRoles(["Manager", *STAFF])
    workflow = api.portal.get_tool("portal_workflow")["servicedesk_inquiry_workflow"]
    workflow.permissions = tuple(
        p for p in workflow.permissions if p not in MOVED_TO_WORKFLOW
    )
    for permission in MOVED_TO_WORKFLOW:
        Permission(permission, (), inquiry).setRoles([])
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1000")
    inquiry.confidential = True
    return inquiry


def test_registered(portal):
    steps = api.portal.get_tool("portal_setup").listUpgrades(PROFILE, show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert ("1000", "1001") in [(s["ssource"], s["sdest"]) for s in flat]


def test_before_the_upgrade(portal, old_site):
    """Control: the old site grants replying site-wide to every case handler."""
    assert "Case Handler" in site_roles(portal, REPLY)


def test_upgrade(portal, old_site):
    inquiry_permissions()
    for permission in MOVED_TO_WORKFLOW:
        assert site_roles(portal, permission) <= {"Manager"}
        assert not set(STAFF) & site_roles(portal, permission)
    # The existing (confidential) inquiry has the workflow's roles, filtered.
    assert site_roles(old_site, REPLY) == {
        "Owner",
        "Editor",
        "Service Desk Lead",
        "Manager",
        "Site Administrator",
    }
    old_site.confidential = False
    assert "Case Handler" in site_roles(old_site, REPLY)


def test_upgrade_through_setup_tool(portal, old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1001")
    assert setup.getLastVersionForProfile(PROFILE) == ("1001",)
    assert "Case Handler" not in site_roles(old_site, REPLY)
