"""Helpers shared by the services, citizen and intake tests."""

from collective.servicedesk.citizen import spam
from plone import api
import time


def make_desk(portal):
    """Return the site's service desk, creating it as Manager if missing."""
    for obj in portal.objectValues():
        if getattr(obj, "portal_type", None) == "ServiceDesk":
            return obj
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal,
            type="ServiceDesk",
            id="service-desk",
            title="Service desk",
        )


def make_inquiry(desk, **values):
    """Create an inquiry as Manager (with a title unless given)."""
    values.setdefault("title", "Brøyting av Ørnevegen")
    values.setdefault("channel", "phone")
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(container=desk, type="Inquiry", **values)


def old_token(seconds: int = 30) -> str:
    """A form stamp as if the form had been opened ``seconds`` ago."""
    return spam.make_token(time.time() - seconds)


def set_state(inquiry, state: str) -> None:
    """Put the inquiry in ``state`` with that state's permissions (no guards)."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    [workflow] = workflow_tool.getWorkflowsFor(inquiry)
    status = dict(workflow_tool.getStatusOf(workflow.getId(), inquiry))
    status["review_state"] = state
    workflow_tool.setStatusOf(workflow.getId(), inquiry, status)
    workflow.updateRoleMappingsFor(inquiry)
    inquiry.reindexObject()
