"""Fixtures of the workflow tests: demo staff, a desk and an inquiry."""

from collective.servicedesk.setuphandlers.demo import ensure_groups
from collective.servicedesk.setuphandlers.demo import ensure_users
from DateTime import DateTime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest

WORKFLOW = "servicedesk_inquiry_workflow"


@pytest.fixture
def staff(portal):
    """The demo groups and users (agent, handler, handler2, lead, …)."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    ensure_groups()
    ensure_users()


@pytest.fixture
def bare_desk(portal):
    """A desk without demo staff (fast: no users to create)."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return api.content.create(
        container=portal, type="ServiceDesk", id="service-desk", title="Service desk"
    )


@pytest.fixture
def desk(bare_desk, staff):
    return bare_desk


@pytest.fixture
def bare_inquiry(bare_desk):
    return api.content.create(container=bare_desk, type="Inquiry", title="Permit")


@pytest.fixture
def make_inquiry(desk):
    """Create an inquiry as the demo agent (who becomes its owner)."""

    def make(**fields):
        with api.env.adopt_user(username="agent"):
            return api.content.create(
                container=desk, type="Inquiry", title="Fence permit", **fields
            )

    return make


@pytest.fixture
def inquiry(make_inquiry):
    return make_inquiry()


def force_state(obj, state: str) -> None:
    """Put ``obj`` into ``state`` without transitions (guards tested elsewhere)."""
    tool = api.portal.get_tool("portal_workflow")
    tool.setStatusOf(
        WORKFLOW,
        obj,
        {
            "review_state": state,
            "action": None,
            "actor": "test",
            "comments": "",
            "time": DateTime(),
        },
    )
    tool[WORKFLOW].updateRoleMappingsFor(obj)
    obj.reindexObject()
