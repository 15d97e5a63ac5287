"""Install gives a working desk; uninstall and reinstall keep what was there."""

from collective.servicedesk.setuphandlers import grants
from collective.servicedesk.setuphandlers import install
from collective.servicedesk.setuphandlers import uninstall
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest

PRODUCT = "collective.servicedesk"


@pytest.fixture
def admin(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


def reinstall(installer, mode=None):
    portal = api.portal.get()
    assert uninstall.run(portal, mode)
    assert installer.install_product(PRODUCT)


def titles(portal_type):
    return [obj.Title() for obj in install.find_containers(portal_type)]


class TestInstallCreatesTheDesk:
    @pytest.mark.parametrize(
        "language,desk,knowledge",
        [
            ("nb", "Servicetorget", "Kunnskapsbanken"),
            ("no", "Servicetorget", "Kunnskapsbanken"),
            ("nn", "Servicetorget", "Kunnskapsbanken"),
            ("en", "Service desk", "Knowledge base"),
        ],
    )
    def test_titles_in_site_language(self, admin, installer, language, desk, knowledge):
        api.portal.set_registry_record("plone.default_language", language)
        reinstall(installer)
        assert titles("ServiceDesk") == [desk]
        assert titles("KnowledgeBase") == [knowledge]

    def test_existing_desk_is_kept_wherever_it_is(self, admin, installer):
        folder = api.content.create(container=admin, type="Folder", id="intranet")
        api.content.create(container=folder, type="ServiceDesk", id="torg", title="T")
        install.ensure_containers(admin)
        desks = install.find_containers("ServiceDesk")
        assert ["/".join(d.getPhysicalPath()) for d in desks] == [
            "/plone/intranet/torg"
        ]

    def test_staff_may_register_at_once(self, admin, installer):
        reinstall(installer)
        api.user.create(email="a@example.org", username="agent1", password="x" * 12)
        api.group.create(groupname="front")
        api.group.add_user(groupname="front", username="agent1")
        api.group.grant_roles(groupname="front", roles=["Service Desk Agent"])
        desk = install.find_containers("ServiceDesk")[0]
        assert api.user.has_permission(
            "collective.servicedesk: Add Inquiry", username="agent1", obj=desk
        )


@pytest.fixture
def inquiry(admin):
    install.ensure_containers(admin)
    desk = install.find_containers("ServiceDesk")[0]
    obj = api.content.create(
        container=desk, type="Inquiry", title="Søppel ikke hentet", channel="phone"
    )
    obj.category = "waste-collection"
    obj.reindexObject()
    return obj


class TestReinstall:
    def test_indexes_refilled(self, inquiry, installer):
        reference = inquiry.reference_number
        assert reference
        reinstall(installer, uninstall.KEEP)
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(reference_number=reference)
        assert [b.getPath() for b in brains] == ["/".join(inquiry.getPhysicalPath())]
        assert len(catalog(inquiry_category="waste-collection")) == 1
        assert brains[0].reference_number == reference  # metadata column too

    def test_created_indexes_are_the_profile_ones(self, admin):
        indexes, columns = install.profile_catalog()
        assert {"reference_number", "servicedesk_text", "closed_date"} <= set(indexes)
        assert "reference_number" in columns

    def test_no_refill_when_nothing_is_new(self, admin):
        install.remember_indexes(admin)
        assert install.new_indexes(admin) == ([], [])

    def test_group_grants_kept(self, admin, installer):
        api.group.create(groupname="front")
        api.group.grant_roles(groupname="front", roles=["Service Desk Agent"])
        api.group.grant_roles(groupname="front", roles=["Case Handler"])
        reinstall(installer)
        roles = api.group.get_roles(groupname="front")
        assert {"Service Desk Agent", "Case Handler"} <= set(roles)
        assert grants.recorded(admin) == {}

    def test_grants_recorded_while_uninstalled(self, admin, installer):
        api.group.create(groupname="leads")
        api.group.grant_roles(groupname="leads", roles=["Service Desk Lead"])
        assert uninstall.run(admin)
        assert "Service Desk Lead" not in api.group.get_roles(groupname="leads")
        assert grants.recorded(admin)["Service Desk Lead"] == ["leads"]

    def test_role_definitions_back(self, admin, installer):
        reinstall(installer)
        for role in grants.ROLES:
            assert role in admin.validRoles()

    def test_kept_inquiry_back_in_the_desk_view(self, inquiry, installer, http_request):
        reinstall(installer, uninstall.KEEP)
        fti = api.portal.get_tool("portal_types")["ServiceDesk"]
        assert fti.default_view == "inquiries"
        catalog = api.portal.get_tool("portal_catalog")
        assert len(catalog(portal_type="Inquiry", responsible_unit=None)) <= 1
        assert install.find_containers("ServiceDesk") == [inquiry.__parent__]
