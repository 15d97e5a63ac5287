"""The role x state x permission matrix of servicedesk_inquiry_workflow."""

from AccessControl.PermissionRole import rolesForPermissionOn
from collective.servicedesk.content.confidentiality import CONFIDENTIAL_ROLES
from tests.workflows.conftest import force_state
import pytest

SA = "Site Administrator"
VIEWERS = {
    "Owner",
    "Service Desk Agent",
    "Case Handler",
    "Editor",
    "Reader",
    "Service Desk Lead",
    "Manager",
    SA,
}
LEADS = {"Service Desk Lead", "Manager", SA}
ADMINS = {"Manager", SA}
WORKERS = {"Service Desk Agent", "Editor"} | LEADS

# The inquiry permissions of this add-on (never granted site-wide).
ADD_NOTE = "collective.servicedesk: Add internal note"
PROMOTE = "collective.servicedesk: Promote inquiry to knowledge"
REPLY = "collective.servicedesk: Reply to citizen"
VIEW_NOTES = "collective.servicedesk: View internal notes"
STAFF = {"Owner", "Service Desk Agent", "Case Handler", "Editor"} | LEADS
SOLVED = ("answered", "closed", "filed")


def inquiry_actions(state: str) -> dict:
    """Reply, promote and notes per state: frozen once filed, promote when solved."""
    return {
        REPLY: ADMINS if state == "filed" else STAFF,
        PROMOTE: STAFF if state in SOLVED else ADMINS,
        VIEW_NOTES: STAFF,
        ADD_NOTE: LEADS if state == "filed" else STAFF,
    }


# state -> permission -> roles that have it. "Editor" is the assignee's
# local role, "Reader" is for people named on the Sharing tab.
MATRIX = {
    "registered": {
        "View": VIEWERS,
        "Access contents information": VIEWERS,
        "Modify portal content": WORKERS | {"Owner"},
        "Delete objects": LEADS,
    },
    "assigned": {
        "View": VIEWERS,
        "Access contents information": VIEWERS,
        "Modify portal content": WORKERS,
        "Delete objects": LEADS,
    },
    "in_progress": {
        "View": VIEWERS,
        "Access contents information": VIEWERS,
        "Modify portal content": WORKERS,
        "Delete objects": LEADS,
    },
    "forwarded": {
        "View": VIEWERS,
        "Access contents information": VIEWERS,
        "Modify portal content": {"Editor"} | LEADS,
        "Delete objects": LEADS,
    },
    "answered": {
        "View": VIEWERS,
        "Access contents information": VIEWERS,
        "Modify portal content": WORKERS,
        "Delete objects": LEADS,
    },
    "closed": {
        "View": VIEWERS,
        "Access contents information": VIEWERS,
        "Modify portal content": LEADS,
        "Delete objects": LEADS,
    },
    "filed": {
        "View": VIEWERS,
        "Access contents information": VIEWERS,
        "Modify portal content": ADMINS,
        "Delete objects": ADMINS,
    },
}
for _state, _permissions in MATRIX.items():
    _permissions.update(inquiry_actions(_state))

ROLES = (
    "Anonymous",
    "Authenticated",
    "Member",
    "Owner",
    "Service Desk Agent",
    "Case Handler",
    "Knowledge Editor",
    "Service Desk Lead",
    "Editor",
    "Reader",
    "Contributor",
    "Manager",
    SA,
)

# One case per state and permission; each asserts the whole row of roles, so
# a role that gains or loses a permission shows up in the failure diff.
CASES = [
    (state, permission, roles)
    for state, permissions in MATRIX.items()
    for permission, roles in permissions.items()
]
IDS = [f"{state}-{permission}" for state, permission, _ in CASES]


def granted(obj, permission: str) -> set[str]:
    """The roles among ROLES that have ``permission`` on ``obj``."""
    have = set(rolesForPermissionOn(permission, obj))
    return {role for role in ROLES if role in have}


@pytest.mark.parametrize("state,permission,roles", CASES, ids=IDS)
def test_matrix(bare_inquiry, state, permission, roles):
    force_state(bare_inquiry, state)
    assert granted(bare_inquiry, permission) == roles


@pytest.mark.parametrize("state,permission,roles", CASES, ids=IDS)
def test_matrix_confidential(bare_inquiry, state, permission, roles):
    bare_inquiry.confidential = True
    force_state(bare_inquiry, state)
    assert granted(bare_inquiry, permission) == roles & CONFIDENTIAL_ROLES
    # The broad staff roles are gone in every state.
    assert not granted(bare_inquiry, permission) & {
        "Service Desk Agent",
        "Case Handler",
    }


def test_states_are_complete(bare_inquiry):
    from plone import api

    workflow = api.portal.get_tool("portal_workflow")["servicedesk_inquiry_workflow"]
    assert set(workflow.states) == set(MATRIX)
    assert set(workflow.transitions) == {
        "assign",
        "start",
        "forward",
        "answer",
        "close",
        "reopen",
        "file",
    }
    assert workflow.initial_state == "registered"


def test_every_workflow_permission_is_filtered(bare_inquiry):
    """The workflow manages exactly the permissions the confidentiality filter knows."""
    from AccessControl.Permission import pname
    from collective.servicedesk.content.confidentiality import WORKFLOW_PERMISSIONS
    from collective.servicedesk.content.confidentiality import ConfidentialRoles
    from collective.servicedesk.content.inquiry import Inquiry
    from plone import api

    workflow = api.portal.get_tool("portal_workflow")["servicedesk_inquiry_workflow"]
    assert set(workflow.permissions) == set(WORKFLOW_PERMISSIONS)
    for permission in workflow.permissions:
        assert isinstance(Inquiry.__dict__[pname(permission)], ConfidentialRoles)


@pytest.mark.parametrize("permission", [ADD_NOTE, PROMOTE, REPLY, VIEW_NOTES])
def test_inquiry_actions_not_granted_site_wide(portal, permission):
    """Only the workflow grants them: the site and the desk give them to no staff."""
    site = set(rolesForPermissionOn(permission, portal))
    assert not site & {"Service Desk Agent", "Case Handler", "Knowledge Editor"}


def test_anonymous_never_sees_anything():
    for permissions in MATRIX.values():
        for roles in permissions.values():
            assert "Anonymous" not in roles
            assert "Authenticated" not in roles
