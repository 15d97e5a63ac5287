"""The inquiry page over HTTP, as the demo staff see it."""

from collective.servicedesk.content.assignment import assign
from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD
from collective.servicedesk.setuphandlers.demo import ensure_groups
from collective.servicedesk.setuphandlers.demo import ensure_users
from plone import api
import pytest
import transaction


@pytest.fixture
def published(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        ensure_groups()
        ensure_users()
        desk = api.content.create(
            container=functional_portal, type="ServiceDesk", id="desk", title="Desk"
        )
    with api.env.adopt_user(username="agent"):
        open_ = api.content.create(container=desk, type="Inquiry", title="Fence")
        secret = api.content.create(
            container=desk, type="Inquiry", title="Care need", confidential=True
        )
        assign(secret, handler="handler2", reason="Health <b>unit</b>")
    transaction.commit()
    return open_.absolute_url(), secret.absolute_url()


def get(request_factory, url, user=None):
    auth = (user, DEMO_PASSWORD) if user else None
    session = request_factory(basic_auth=auth, api=False)
    session.headers["Accept"] = "text/html"
    return session.get(url, allow_redirects=False)


def test_staff_sees_inquiry_page_with_history(published, request_factory):
    response = get(request_factory, published[0], "handler")
    assert response.status_code == 200
    assert "servicedesk-timeline" in response.text
    assert "Kari Nordmann" in response.text


def test_history_comment_escaped(published, request_factory):
    response = get(request_factory, published[1], "handler2")
    assert response.status_code == 200
    assert "Health &lt;b&gt;unit&lt;/b&gt;" in response.text


@pytest.mark.parametrize("user", ["handler", "agent2", None])
def test_confidential_refused(published, request_factory, user):
    response = get(request_factory, published[1], user)
    # The 404 of a missing inquiry, for anyone who may not view it (issue 12).
    assert response.status_code == 404
    assert "Care need" not in response.text
