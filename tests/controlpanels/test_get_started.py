"""The "get started" checklist reads the site's real state and acts on POST."""

from collective.servicedesk.categories.storage import list_categories
from collective.servicedesk.controlpanels import checklist
from collective.servicedesk.setuphandlers import install
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.protect.authenticator import createToken
from tests.helpers.servers import SMTPServer
from tests.helpers.servers import free_port
from zExceptions import Unauthorized
import pytest


@pytest.fixture
def admin(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.user.get(userid=TEST_USER_ID).setMemberProperties(
        {"email": "admin@demo.kommune.no"}
    )
    return portal


def state(portal, request) -> dict:
    return {step["id"]: step for step in checklist.steps(portal, request)}


def post(portal, request, **form):
    request.method = "POST"
    request.REQUEST_METHOD = "POST"
    request.form.update(form, _authenticator=createToken())
    view = api.content.get_view("servicedesk-get-started", portal, request)
    body = view()
    return view, body


@pytest.fixture
def groups(admin):
    api.group.create(groupname="frontdesk", title="Servicetorget")
    api.group.create(groupname="byggesak", title="Byggesak og plan")
    api.group.create(groupname="helse", title="Helse og omsorg")
    api.group.create(groupname="helse-2", title="Helse og sosial")


class TestState:
    def test_fresh_site(self, admin, http_request):
        steps = state(admin, http_request)
        assert not steps["desk"]["done"]  # the testing profile removed them
        assert not steps["units"]["done"]
        assert not steps["roles"]["done"]
        assert steps["categories"]["done"]
        assert steps["categories"]["count"] == len(list_categories())
        assert not steps["routing"]["live"]
        assert not steps["mail"]["done"]

    def test_desk_step_follows_the_containers(self, admin, http_request):
        install.ensure_containers(admin)
        step = state(admin, http_request)["desk"]
        assert step["done"]
        assert step["desks"][0]["url"].endswith("/service-desk")

    def test_units_are_the_sites_groups(self, groups, http_request, admin):
        step = state(admin, http_request)["units"]
        assert step["done"] and step["count"] == 4

    def test_roles_by_name(self, groups, admin, http_request):
        api.group.grant_roles(groupname="frontdesk", roles=["Service Desk Agent"])
        api.group.grant_roles(groupname="byggesak", roles=["Case Handler"])
        step = state(admin, http_request)["roles"]
        assert step["done"]
        holders = {role["id"]: role["holders"] for role in step["roles"]}
        assert holders["Service Desk Agent"] == [
            {"id": "frontdesk", "title": "Servicetorget"}
        ]

    def test_units_link_to_directory_when_present(self, admin, http_request):
        step = state(admin, http_request)["units"]
        from zope.component import queryMultiAdapter

        has_directory = (
            queryMultiAdapter((admin, http_request), name="servicedesk-directory")
            is not None
        )
        expected = "servicedesk-directory" if has_directory else "usergroup-groupprefs"
        assert step["links"][0]["url"].endswith(expected)


class TestActions:
    def test_create_desk(self, admin, http_request):
        post(admin, http_request, action="create-desk")
        assert install.find_containers("ServiceDesk")
        assert install.find_containers("KnowledgeBase")

    def test_grant_roles_by_searching(self, groups, admin, http_request):
        post(admin, http_request, action="grant-roles", **{"role-0": "Servicet"})
        assert "Service Desk Agent" in api.group.get_roles(groupname="frontdesk")
        assert state(admin, http_request)["roles"]["roles"][0]["holders"]

    def test_ambiguous_search_asks_which(self, groups, admin, http_request):
        view, body = post(
            admin, http_request, action="grant-roles", **{"role-1": "Helse"}
        )
        assert [c["id"] for c in view.choices["role-1"]] == ["helse", "helse-2"]
        assert "Case Handler" not in api.group.get_roles(groupname="helse")
        assert 'value="helse-2"' in body

    def test_choice_grants(self, groups, admin, http_request):
        post(
            admin,
            http_request,
            action="grant-roles",
            **{"role-1": "Helse", "role-1-choice": "helse-2"},
        )
        assert "Case Handler" in api.group.get_roles(groupname="helse-2")

    def test_assign_unit_to_every_category_without_one(
        self, groups, admin, http_request
    ):
        assert not state(admin, http_request)["routing"]["live"]
        post(admin, http_request, action="assign-units", unit="Byggesak og plan")
        assert {c["unit"] for c in list_categories()} == {"byggesak"}
        step = state(admin, http_request)["routing"]
        assert step["live"] and step["done"]

    def test_get_never_acts(self, groups, admin, http_request):
        http_request.form.update({"action": "grant-roles", "role-0": "Servicet"})
        api.content.get_view("servicedesk-get-started", admin, http_request)()
        assert "Service Desk Agent" not in api.group.get_roles(groupname="frontdesk")

    def test_members_may_not_open_it(self, admin):
        setRoles(admin, TEST_USER_ID, ["Member"])
        with pytest.raises(Unauthorized):
            admin.restrictedTraverse("@@servicedesk-get-started")


class TestMail:
    def test_not_configured(self, admin, http_request):
        step = state(admin, http_request)["mail"]
        assert not step["configured"] and not step["done"]

    def test_test_message_arrives(self, admin, http_request):
        server = SMTPServer().start()
        try:
            api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
            api.portal.set_registry_record("plone.smtp_port", server.port)
            api.portal.set_registry_record(
                "plone.email_from_address", "post@demo.kommune.no"
            )
            post(admin, http_request, action="test-mail", recipient="it@example.org")
            messages = server.to("it@example.org")
        finally:
            server.stop()
        assert len(messages) == 1
        assert messages[0]["From"] == "post@demo.kommune.no"
        step = state(admin, http_request)["mail"]
        assert step["done"] and step["test"]["ok"]

    def test_failure_is_shown(self, admin, http_request):
        api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
        api.portal.set_registry_record("plone.smtp_port", free_port())
        api.portal.set_registry_record("plone.email_from_address", "post@x.no")
        view, body = post(admin, http_request, action="test-mail", recipient="a@b.no")
        step = state(admin, http_request)["mail"]
        assert not step["done"]
        assert step["test"]["ok"] is False and step["test"]["error"]
