"""Who may file: the workflow grants "File to records system" per state."""

from AccessControl.PermissionRole import rolesForPermissionOn
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.replies.helpers import make_desk
from tests.replies.helpers import make_inquiry
from tests.services.helpers import set_state
import pytest

PERMISSION = "collective.servicedesk: File to records system"
ADMINS = {"Manager", "Site Administrator"}
STAFF = {"Service Desk Agent", "Service Desk Lead", "Manager", "Site Administrator"}


@pytest.fixture
def inquiry(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return make_inquiry(make_desk(portal))


@pytest.mark.parametrize(
    "state,roles",
    [
        ("registered", ADMINS),
        ("assigned", ADMINS),
        ("in_progress", ADMINS),
        ("forwarded", ADMINS),
        ("answered", ADMINS),
        ("closed", STAFF),
        ("filed", set()),
    ],
)
def test_file_permission_by_state(inquiry, state, roles):
    set_state(inquiry, state)
    granted = set(rolesForPermissionOn(PERMISSION, inquiry))
    assert granted == roles
    assert "Anonymous" not in granted and "Member" not in granted


def test_not_in_rolemap(portal):
    """Site-wide, only Zope's default (Manager) holds it: the workflow decides."""
    assert set(rolesForPermissionOn(PERMISSION, portal)) == {"Manager"}
    assert api.portal.get_tool("portal_workflow")
