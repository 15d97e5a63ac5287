"""Who manages macros (rolemap) and who may search them; the management page."""

from collective.servicedesk.macros.storage import get_macro
from collective.servicedesk.macros.storage import save_macro
from collective.servicedesk.macros.storage import search_macros
from plone import api
from plone.protect.authenticator import createToken
from zExceptions import Forbidden
import pytest

MANAGE = "collective.servicedesk: Manage reply macros"

ROLES = {
    "Manager": True,
    "Site Administrator": True,
    "Service Desk Lead": True,
    "Service Desk Agent": False,
    "Case Handler": False,
    "Knowledge Editor": False,
    "Member": False,
    "Anonymous": False,
}


@pytest.mark.parametrize("role,allowed", sorted(ROLES.items()))
def test_rolemap(portal, role, allowed):
    granted = {r["name"] for r in portal.rolesOfPermission(MANAGE) if r["selected"]}
    assert (role in granted) is allowed


@pytest.mark.parametrize(
    "user,allowed",
    [("lead", True), ("handler", False), ("agent", False), ("editor", False)],
)
def test_demo_staff(portal, staff, user, allowed):
    with api.env.adopt_user(username=user):
        assert api.user.has_permission(MANAGE, obj=portal) is allowed


def test_not_an_inquiry_permission(inquiry):
    """The inquiry workflow does not manage it: it is acquired from the site."""
    wf = api.portal.get_tool("portal_workflow").getWorkflowsFor(inquiry)[0]
    assert MANAGE not in wf.permissions


@pytest.fixture
def req(portal):
    request = portal.REQUEST
    request.form.clear()
    return request


def page(portal, req):
    return api.content.get_view("servicedesk-reply-macros", portal, req)


def post(portal, req, token=True, **form):
    req.method = "POST"
    req.form.clear()
    req.form.update(form)
    if token:
        req.form["_authenticator"] = createToken()
    return page(portal, req)()


class TestPage:
    def test_lead_adds_edits_and_deletes(self, portal, staff, req):
        with api.env.adopt_user(username="lead"):
            post(
                portal,
                req,
                title="Mottatt",
                text="Hei {name}",
                **{"form.buttons.save": "1"},
            )
            [macro] = search_macros("")
            assert macro["title"] == "Mottatt"
            assert macro["modified_by"] == "lead"
            post(
                portal,
                req,
                id=macro["id"],
                title="Mottatt",
                text="Hei igjen",
                **{"form.buttons.save": "1"},
            )
            assert get_macro(macro["id"])["text"] == "Hei igjen"
            req.method = "GET"
            req.form.clear()
            html = page(portal, req)()
            assert "Mottatt" in html
            assert "Liv Leder" in html
            post(portal, req, id=macro["id"], **{"form.buttons.delete": "1"})
        assert search_macros("") == []

    def test_error_keeps_values(self, portal, staff, req):
        with api.env.adopt_user(username="lead"):
            html = post(
                portal,
                req,
                title="",
                text="Teksten <b>min</b>",
                **{"form.buttons.save": "1"},
            )
        assert search_macros("") == []
        assert "Give the macro a title." in html
        # Kept and escaped.
        assert "Teksten &lt;b&gt;min&lt;/b&gt;" in html

    def test_too_long_refused(self, portal, staff, req):
        with api.env.adopt_user(username="lead"):
            html = post(
                portal,
                req,
                title="T",
                text="x" * 5001,
                **{"form.buttons.save": "1"},
            )
        assert search_macros("") == []
        assert "longer than 5000" in html

    def test_post_without_token_refused(self, portal, staff, req):
        with api.env.adopt_user(username="lead"):
            with pytest.raises(Forbidden):
                post(
                    portal,
                    req,
                    token=False,
                    title="T",
                    text="x",
                    **{"form.buttons.save": "1"},
                )
        assert search_macros("") == []

    def test_delete_without_token_refused(self, portal, staff, req):
        macro = save_macro("T", "x")
        with api.env.adopt_user(username="lead"):
            with pytest.raises(Forbidden):
                post(
                    portal,
                    req,
                    token=False,
                    id=macro["id"],
                    **{"form.buttons.delete": "1"},
                )
        assert get_macro(macro["id"]) is not None

    @pytest.mark.parametrize("user,allowed", [("lead", True), ("handler", False)])
    def test_page_permission(self, portal, staff, user, allowed):
        with api.env.adopt_user(username=user):
            assert (
                api.user.has_permission(
                    "collective.servicedesk: Manage reply macros", obj=portal
                )
                is allowed
            )
            # The page is protected by that permission.
            found = portal.restrictedTraverse("@@servicedesk-reply-macros", None)
            assert (found is not None) is allowed


@pytest.mark.parametrize("user,allowed", [("lead", True), ("handler", False)])
def test_composer_links_to_the_page_for_managers(inquiry, req, user, allowed):
    with api.env.adopt_user(username=user):
        panel = api.content.get_view("servicedesk-workspace-panel", inquiry, req)
        assert panel.can_manage_macros is allowed


def test_configlet(portal):
    tool = api.portal.get_tool("portal_controlpanel")
    [configlet] = [
        a for a in tool.listActions() if a.getId() == "servicedesk-reply-macros"
    ]
    assert configlet.permissions == (MANAGE,)
    assert configlet.getActionExpression().endswith("@@servicedesk-reply-macros")
