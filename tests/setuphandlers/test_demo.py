"""The demo profile: groups, users, roles; applying it twice changes nothing."""

from collective.servicedesk.setuphandlers import demo
from plone import api
import pytest


@pytest.fixture
def demo_portal(portal):
    portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    return portal


ROLE_OF_USER = [
    ("agent", "Service Desk Agent"),
    ("agent2", "Service Desk Agent"),
    ("handler", "Case Handler"),
    ("handler2", "Case Handler"),
    ("handler3", "Case Handler"),
    ("editor", "Knowledge Editor"),
    ("lead", "Service Desk Lead"),
]


class TestDemo:
    @pytest.mark.parametrize("user_id,role", ROLE_OF_USER)
    def test_user_has_role(self, demo_portal, user_id, role):
        user = api.user.get(username=user_id)
        assert user is not None
        assert role in api.user.get_roles(user=user)

    @pytest.mark.parametrize("group_id", sorted(demo.GROUPS))
    def test_groups(self, demo_portal, group_id):
        assert api.group.get(groupname=group_id) is not None

    def test_every_role_has_a_user(self, demo_portal):
        roles = set()
        for user_id in demo.USERS:
            roles.update(api.user.get_roles(username=user_id))
        assert {
            "Service Desk Agent",
            "Case Handler",
            "Knowledge Editor",
            "Service Desk Lead",
        } <= roles

    def test_password_works(self, demo_portal):
        acl = api.portal.get_tool("acl_users")
        assert acl.authenticate("agent", demo.DEMO_PASSWORD, demo_portal.REQUEST)

    def test_idempotent(self, demo_portal):
        def snapshot():
            return (
                sorted(u.getId() for u in api.user.get_users()),
                sorted(g.getId() for g in api.group.get_groups()),
                {
                    g: sorted(u.getId() for u in api.user.get_users(groupname=g))
                    for g in demo.GROUPS
                },
            )

        before = snapshot()
        demo_portal.portal_setup.runAllImportStepsFromProfile(
            "profile-collective.servicedesk:demo"
        )
        assert snapshot() == before
