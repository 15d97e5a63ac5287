"""1012 -> 1013: reply macros: the "Manage reply macros" permission and a configlet."""

from plone import api

PROFILE = "profile-collective.servicedesk:default"
PERMISSION = "collective.servicedesk: Manage reply macros"
ROLES = ("Manager", "Site Administrator", "Service Desk Lead")


def macro_permission(context=None) -> None:
    """Grant the new permission as rolemap.xml does; add the Site Setup entry."""
    api.portal.get().manage_permission(PERMISSION, roles=list(ROLES), acquire=True)
    # The control panel step only (re-)registers our configlets; idempotent.
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "controlpanel", run_dependencies=False)
