"""Confidential inquiries: only named people and leads keep access.

The workflow sets per-state permissions; this descriptor filters them on read
for confidential inquiries. It holds for every state and survives "update
security settings", because nothing is copied: the roles are filtered each
time Zope (or the catalog's ``allowedRolesAndUsers``) asks for them.
"""

from AccessControl.Permission import pname
from typing import Any

# Every permission servicedesk_inquiry_workflow manages. Each one gets the
# confidentiality filter below (see ``filter_permissions``), and a test checks
# that this list and the workflow's list are the same: a permission added to
# the workflow without the filter would open confidential inquiries.
WORKFLOW_PERMISSIONS = (
    "Access contents information",
    "Delete objects",
    "Modify portal content",
    "View",
    "collective.servicedesk: Add internal note",
    "collective.servicedesk: File to records system",
    "collective.servicedesk: Promote inquiry to knowledge",
    "collective.servicedesk: Reply to citizen",
    "collective.servicedesk: View internal notes",
)

# Roles that keep a workflow-granted permission on a confidential inquiry:
# administrators, leads, and the local roles of the people named on the
# inquiry (its owner, the assignee via the assignment provider, anyone added
# on the Sharing tab). The broad global staff roles are dropped.
CONFIDENTIAL_ROLES = frozenset(
    {
        "Manager",
        "Site Administrator",
        "Service Desk Lead",
        "Owner",
        "Editor",
        "Reader",
    }
)

# Used when a confidential inquiry has no setting of its own (e.g. no
# workflow bound): fail closed instead of acquiring the container's roles.
FALLBACK_ROLES = ("Manager", "Site Administrator", "Service Desk Lead")


class ConfidentialRoles:
    """Data descriptor for a ``_<Permission>_Permission`` attribute."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            raise AttributeError(self.name)
        obj._p_activate()
        state = obj.__dict__
        roles = state.get(self.name, None)
        if not state.get("confidential", False):
            if self.name not in state:
                raise AttributeError(self.name)
            return roles
        if self.name not in state or roles is None:
            return FALLBACK_ROLES
        # Always a tuple: a list would acquire the container's broad roles.
        return tuple(role for role in roles if role in CONFIDENTIAL_ROLES)

    def __set__(self, obj: Any, value: Any) -> None:
        obj._p_activate()
        obj.__dict__[self.name] = value
        obj._p_changed = True

    def __delete__(self, obj: Any) -> None:
        obj._p_activate()
        # "Acquire" on an inquiry without a setting of its own: nothing to
        # remove. (Permission.setRoles([]) checks with an acquiring hasattr,
        # which finds the container's setting, then deletes here.)
        if self.name in obj.__dict__:
            del obj.__dict__[self.name]
            obj._p_changed = True


def filter_permissions(cls: type, permissions=WORKFLOW_PERMISSIONS) -> type:
    """Put a ``ConfidentialRoles`` filter on ``cls`` for each permission."""
    for permission in permissions:
        attribute = pname(permission)
        setattr(cls, attribute, ConfidentialRoles(attribute))
    return cls
