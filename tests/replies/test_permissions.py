"""Who may reply, download letters and manage templates (over real HTTP)."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.replies.helpers import PASSWORD
from tests.replies.helpers import add_user
from tests.replies.helpers import make_desk
from tests.replies.helpers import make_inquiry
import pytest
import transaction

ROLES = {
    "agent": ["Service Desk Agent"],
    "handler": ["Case Handler"],
    "editor": ["Knowledge Editor"],
    "lead": ["Service Desk Lead"],
    "member": ["Member"],
}


@pytest.fixture
def site(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    for user_id, roles in ROLES.items():
        add_user(user_id, roles)
    inquiry = make_inquiry(make_desk(functional_portal))
    transaction.commit()
    return functional_portal, inquiry


def get(request_factory, user: str | None, url: str):
    auth = (user, PASSWORD) if user else None
    session = (
        request_factory(basic_auth=auth, api=False)
        if auth
        else request_factory(api=False)
    )
    return session.get(url, allow_redirects=False)


@pytest.mark.parametrize(
    "user,allowed",
    [
        ("agent", True),
        ("handler", True),
        ("lead", True),
        ("editor", False),
        ("member", False),
        (None, False),
    ],
)
def test_reply_form(site, request_factory, user, allowed):
    _portal, inquiry = site
    response = get(request_factory, user, f"{inquiry.absolute_url()}/@@reply")
    assert (response.status_code == 200) is allowed, response.status_code
    if allowed:
        assert 'name="form.buttons.send"' in response.text


@pytest.mark.parametrize(
    "user,allowed",
    [
        ("editor", True),
        ("lead", True),
        ("agent", False),
        ("handler", False),
        ("member", False),
        (None, False),
    ],
)
def test_template_management(site, request_factory, user, allowed):
    portal, _inquiry = site
    response = get(
        request_factory, user, f"{portal.absolute_url()}/@@servicedesk-reply-templates"
    )
    assert (response.status_code == 200) is allowed, response.status_code


@pytest.mark.parametrize("user,allowed", [("lead", True), ("agent", False)])
def test_reply_form_confidential(site, request_factory, user, allowed):
    portal, _inquiry = site
    with api.env.adopt_roles(["Manager"]):
        secret = make_inquiry(portal["desk"], confidential=True)
    transaction.commit()
    response = get(request_factory, user, f"{secret.absolute_url()}/@@reply")
    assert (response.status_code == 200) is allowed, response.status_code
