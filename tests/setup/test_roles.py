"""Our roles are assignable on the Sharing tab and in groups."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest

ROLES = ["Service Desk Agent", "Case Handler", "Knowledge Editor", "Service Desk Lead"]


@pytest.mark.parametrize("role", ROLES)
def test_role_on_sharing_tab(portal, http_request, role):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    view = api.content.get_view("sharing", portal, http_request)
    assert role in {r["id"] for r in view.roles()}


def test_lead_may_delegate_but_agent_may_not(portal, http_request):
    setRoles(portal, TEST_USER_ID, ["Service Desk Lead"])
    view = api.content.get_view("sharing", portal, http_request)
    assert "Service Desk Agent" in {r["id"] for r in view.roles()}
    setRoles(portal, TEST_USER_ID, ["Service Desk Agent"])
    view = api.content.get_view("sharing", portal, http_request)
    assert "Service Desk Agent" not in {r["id"] for r in view.roles()}


@pytest.mark.parametrize("role", ROLES)
def test_role_assignable_locally(portal, role):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(container=portal, type="Folder", id="unit")
    user = api.user.get(userid=TEST_USER_ID)
    api.user.grant_roles(user=user, roles=[role], obj=folder)
    assert role in api.user.get_roles(user=user, obj=folder)
    assert role not in api.user.get_roles(user=user, obj=portal)
