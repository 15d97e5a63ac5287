"""Install and uninstall handlers of collective.servicedesk."""

from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer

# Roles the add-on brings; the uninstall handler removes them again.
ROLES = (
    "Service Desk Agent",
    "Case Handler",
    "Knowledge Editor",
    "Service Desk Lead",
)


@implementer(INonInstallable)
class HiddenProfiles:
    """Hide the helper profiles from the add-on control panel."""

    def getNonInstallableProfiles(self) -> list[str]:
        return [
            "collective.servicedesk:uninstall",
            "collective.servicedesk:testing",
        ]

    def getNonInstallableProducts(self) -> list[str]:
        return []


def post_install(context) -> None:
    """Run after the default profile: nothing beyond the XML steps yet."""


def uninstall(context) -> None:
    """Remove what the XML steps cannot: our roles and their local grants."""
    portal = api.portal.get()
    present = [role for role in ROLES if role in portal.validRoles()]
    if present:
        portal._delRoles(present)
    acl = api.portal.get_tool("acl_users")
    role_manager = acl.portal_role_manager
    for role in ROLES:
        if role in role_manager.listRoleIds():
            role_manager.removeRole(role)
