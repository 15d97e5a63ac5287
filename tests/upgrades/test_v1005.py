"""Upgrade 1003 -> 1005: case number and filing status indexed, settings, permission."""

from AccessControl.PermissionRole import rolesForPermissionOn
from collective.servicedesk.upgrades.v1005 import records_system
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.replies.helpers import close
from tests.replies.helpers import make_desk
from tests.replies.helpers import make_inquiry

PROFILE = "collective.servicedesk:default"
PERMISSION = "collective.servicedesk: File to records system"


def test_registered(portal):
    steps = api.portal.get_tool("portal_setup").listUpgrades(PROFILE, show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert any(s["source"] == ("1003",) and s["dest"] == ("1005",) for s in flat)


def test_upgrade_adds_indexes_settings_and_permission(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    desk = make_desk(portal)
    inquiry = make_inquiry(desk, case_number="2026/118")
    close(inquiry)
    catalog = api.portal.get_tool("portal_catalog")
    # The state 1003 left: no indexes, no columns, no records settings.
    for name in ("case_number", "records_status"):
        catalog.delIndex(name)
    for column in ("case_number", "records_status", "records_error"):
        catalog.delColumn(column)
    registry = portal.portal_registry
    del registry.records["collective.servicedesk.records.transport"]
    workflow = api.portal.get_tool("portal_workflow")["servicedesk_inquiry_workflow"]
    workflow.permissions = tuple(p for p in workflow.permissions if p != PERMISSION)

    records_system()

    assert {"case_number", "records_status"} <= set(catalog.indexes())
    assert "records_error" in catalog.schema()
    assert (
        api.portal.get_registry_record("collective.servicedesk.records.transport")
        == "none"
    )
    assert PERMISSION in workflow.permissions
    assert "Service Desk Agent" in rolesForPermissionOn(PERMISSION, inquiry)
    # Existing inquiries are found by their case number.
    assert [b.UID for b in catalog(case_number="2026/118")] == [inquiry.UID()]
