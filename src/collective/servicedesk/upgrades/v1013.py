"""1012 -> 1013: the "Manage reply macros" permission for leads and site admins."""

from plone import api

PERMISSION = "collective.servicedesk: Manage reply macros"
ROLES = ("Manager", "Site Administrator", "Service Desk Lead")


def macro_permission(context=None) -> None:
    """Grant the new permission as rolemap.xml does (other permissions untouched)."""
    api.portal.get().manage_permission(PERMISSION, roles=list(ROLES), acquire=True)
