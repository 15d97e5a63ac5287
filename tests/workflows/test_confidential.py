"""Confidential inquiries: only the assignee, named people and leads see them."""

from collective.servicedesk.content.assignment import assign
from plone import api
from tests.workflows.conftest import force_state
import pytest

# user -> can read a confidential inquiry owned by agent, assigned to handler
# in the building unit. handler2/handler3 are case handlers of other units,
# agent2 is another front-desk agent, editor a knowledge editor.
READERS = [
    ("agent", True),  # owner: registered it
    ("handler", True),  # assignee
    ("lead", True),
    ("agent2", False),
    ("handler2", False),
    ("handler3", False),
    ("editor", False),
]


@pytest.fixture
def secret(make_inquiry):
    obj = make_inquiry(confidential=True)
    assign(obj, handler="handler", unit="servicedesk-building")
    return obj


def found(username: str, uid: str) -> bool:
    with api.env.adopt_user(username=username):
        return uid in {brain.UID for brain in api.content.find(portal_type="Inquiry")}


@pytest.mark.parametrize("state", ["registered", "forwarded", "closed", "filed"])
@pytest.mark.parametrize("username,can_read", READERS)
def test_read(secret, state, username, can_read):
    force_state(secret, state)
    assert api.user.has_permission("View", username=username, obj=secret) is can_read
    assert (
        api.user.has_permission(
            "Access contents information", username=username, obj=secret
        )
        is can_read
    )


@pytest.mark.parametrize("username,can_read", READERS)
def test_find(secret, username, can_read):
    assert found(username, secret.UID()) is can_read


@pytest.mark.parametrize("username", ["agent2", "handler2"])
def test_non_confidential_is_readable_by_staff(make_inquiry, username):
    obj = make_inquiry()
    assign(obj, handler="handler", unit="servicedesk-building")
    assert api.user.has_permission("View", username=username, obj=obj)
    assert found(username, obj.UID())


def test_unit_members_read_when_unit_is_assignee(make_inquiry):
    obj = make_inquiry(confidential=True)
    assign(obj, unit="servicedesk-health")
    assert api.user.has_permission("View", username="handler2", obj=obj)
    assert found("handler2", obj.UID())
    assert not found("handler", obj.UID())


def test_named_reader_on_sharing_tab(secret):
    api.user.grant_roles(username="handler2", obj=secret, roles=["Reader"])
    secret.reindexObjectSecurity()
    assert api.user.has_permission("View", username="handler2", obj=secret)
    assert found("handler2", secret.UID())


def test_reassignment_moves_access(secret):
    assign(secret, handler="handler3", unit="servicedesk-technical")
    assert api.user.has_permission("View", username="handler3", obj=secret)
    assert not api.user.has_permission("View", username="handler", obj=secret)
    assert found("handler3", secret.UID())
    assert not found("handler", secret.UID())


def test_making_confidential_by_edit_hides_it(make_inquiry):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    obj = make_inquiry()
    assert found("handler2", obj.UID())
    obj.confidential = True
    notify(ObjectModifiedEvent(obj))
    assert not found("handler2", obj.UID())
    assert not api.user.has_permission("View", username="handler2", obj=obj)


def test_survives_update_security_settings(secret):
    """Re-applying the workflow's role mappings does not open it up."""
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    assert not api.user.has_permission("View", username="handler2", obj=secret)
    assert not found("handler2", secret.UID())


@pytest.mark.parametrize(
    "permission",
    [
        "collective.servicedesk: Reply to citizen",
        "collective.servicedesk: Promote inquiry to knowledge",
        "collective.servicedesk: View internal notes",
        "collective.servicedesk: Add internal note",
    ],
)
@pytest.mark.parametrize("username,can_read", READERS)
def test_inquiry_actions_follow_confidentiality(secret, permission, username, can_read):
    """Whoever may not read it may not act on it either (issue 12)."""
    force_state(secret, "closed")
    allowed = api.user.has_permission(permission, username=username, obj=secret)
    assert allowed is can_read
