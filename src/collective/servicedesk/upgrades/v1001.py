"""1000 -> 1001: the inquiry workflow manages every permission on an inquiry."""

from AccessControl.Permission import Permission
from plone import api

PROFILE = "profile-collective.servicedesk:default"

# Granted site-wide by profile 1000; now per state by the inquiry workflow.
# Removing them from rolemap.xml does not remove them from existing sites.
MOVED_TO_WORKFLOW = (
    "collective.servicedesk: Add internal note",
    "collective.servicedesk: Promote inquiry to knowledge",
    "collective.servicedesk: Reply to citizen",
    "collective.servicedesk: View internal notes",
)


def inquiry_permissions(context=None) -> None:
    """Re-apply rolemap and workflows, drop the site-wide grants, update inquiries."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "rolemap", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "workflow", run_dependencies=False)
    portal = api.portal.get()
    for permission in MOVED_TO_WORKFLOW:
        # Back to the default: acquired from the Zope root (Manager only). A
        # list means "acquire"; Permission works whether or not the site has
        # a setting of its own (manage_permission refuses unknown ones).
        Permission(permission, (), portal).setRoles([])
    # Existing inquiries get the new per-state settings (and their catalog
    # security entries are reindexed by the workflow tool).
    api.portal.get_tool("portal_workflow").updateRoleMappings()
