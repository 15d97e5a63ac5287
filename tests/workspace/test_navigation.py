"""The way in: Service desk and Knowledge base tabs for staff, and their redirect."""

from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from tests.knowledge.helpers import make_kb
import pytest

TABS = ("servicedesk", "servicedesk-knowledge")


def tabs(portal) -> list[str]:
    actions = api.portal.get_tool("portal_actions")
    return [a["id"] for a in actions.listFilteredActionsFor(portal)["portal_tabs"]]


def go(portal, request, to: str) -> str:
    request.form["to"] = to
    portal.restrictedTraverse("@@servicedesk-go")()
    return request.response.getHeader("Location")


class TestTabs:
    @pytest.mark.parametrize("user", ["agent", "handler", "editor", "lead"])
    def test_staff_see_both_tabs(self, portal, desk, user):
        login(portal, user)
        assert [tab for tab in tabs(portal) if tab in TABS] == list(TABS)

    def test_anonymous_sees_none(self, portal, desk):
        logout()
        assert not set(TABS) & set(tabs(portal))

    def test_admin_can_hide_a_tab(self, portal, desk):
        api.portal.get_tool("portal_actions").portal_tabs["servicedesk"].visible = False
        login(portal, "agent")
        assert "servicedesk" not in tabs(portal)
        assert "servicedesk-knowledge" in tabs(portal)

    def test_uninstall_profile_removes_them(self, portal, desk):
        setup = api.portal.get_tool("portal_setup")
        setup.runImportStepFromProfile(
            "profile-collective.servicedesk:uninstall", "actions"
        )
        assert not set(TABS) & set(api.portal.get_tool("portal_actions").portal_tabs)


class TestGo:
    def test_to_the_desk(self, portal, http_request, desk):
        login(portal, "agent")
        assert go(portal, http_request, "desk") == desk.absolute_url()

    def test_to_the_knowledge_base(self, portal, http_request, desk):
        kb = make_kb(portal)
        login(portal, "agent")
        assert go(portal, http_request, "knowledge") == kb.absolute_url()

    def test_missing_knowledge_base_tells_staff(self, portal, http_request, desk):
        login(portal, "agent")
        for brain in api.content.find(portal_type="KnowledgeBase"):
            with api.env.adopt_roles(["Manager"]):
                api.content.delete(brain.getObject(), check_linkintegrity=False)
        assert go(portal, http_request, "knowledge") == portal.absolute_url()

    def test_missing_knowledge_base_tells_admin_by_name(
        self, portal, http_request, desk
    ):
        from Products.statusmessages.interfaces import IStatusMessage

        for brain in api.content.find(portal_type="KnowledgeBase"):
            with api.env.adopt_roles(["Manager"]):
                api.content.delete(brain.getObject(), check_linkintegrity=False)
        login(portal, "lead")
        with api.env.adopt_roles(["Manager"]):
            location = go(portal, http_request, "knowledge")
        assert location.endswith("@@servicedesk-controlpanel")
        (message,) = IStatusMessage(http_request).show()
        assert "Knowledge base" in message.message
        assert "KnowledgeBase" not in message.message
