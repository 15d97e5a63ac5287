"""1008 → 1009: the Service desk and Knowledge base tabs in the global navigation."""

PROFILE = "profile-collective.servicedesk:default"


def add_navigation_tabs(setup_tool) -> None:
    """Import the portal actions (the two portal_tabs entries)."""
    setup_tool.runImportStepFromProfile(PROFILE, "actions", run_dependencies=False)
