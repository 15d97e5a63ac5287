"""1002 -> 1003: the "get started" checklist in Site Setup (issue 21)."""

from plone import api

PROFILE = "profile-collective.servicedesk:default"


def add_get_started(context=None) -> None:
    """Re-import the control panel step: adds the "get started" configlet."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "controlpanel", run_dependencies=False)
