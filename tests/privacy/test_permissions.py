"""Only Managers, Site Administrators and leads handle personal data."""

from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.replies.helpers import PASSWORD
from tests.replies.helpers import add_user
import pytest
import transaction

ROLES = {
    "siteadmin": ["Site Administrator"],
    "lead": ["Service Desk Lead"],
    "agent": ["Service Desk Agent"],
    "handler": ["Case Handler"],
    "editor": ["Knowledge Editor"],
}
VIEWS = (
    "servicedesk-personal-data",
    "servicedesk-retention",
    "servicedesk-privacy-log",
    "servicedesk-access-log",
)


@pytest.fixture
def site(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    for user_id, roles in ROLES.items():
        add_user(user_id, roles)
    transaction.commit()
    return functional_portal


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    "user,allowed",
    [
        ("siteadmin", True),
        ("lead", True),
        ("agent", False),
        ("handler", False),
        ("editor", False),
        (None, False),
    ],
)
def test_privacy_pages(site, request_factory, view, user, allowed):
    if user:
        session = request_factory(basic_auth=(user, PASSWORD), api=False)
    else:
        session = request_factory(api=False)
    response = session.get(f"{site.absolute_url()}/@@{view}", allow_redirects=False)
    assert (response.status_code == 200) is allowed, response.status_code
