"""Uninstall refuses while records exist, unless the admin made a documented choice."""

from collective.servicedesk.controlpanels.export import write_export
from collective.servicedesk.setuphandlers import install
from collective.servicedesk.setuphandlers import uninstall
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import json
import pytest
import zipfile

PRODUCT = "collective.servicedesk"


@pytest.fixture
def admin(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    install.ensure_containers(portal)
    return portal


@pytest.fixture
def inquiry(admin):
    desk = install.find_containers("ServiceDesk")[0]
    return api.content.create(container=desk, type="Inquiry", title="Vannlekkasje")


def installed(installer) -> bool:
    return installer.is_product_installed(PRODUCT)


class TestRefusal:
    def test_refuses_while_inquiries_exist(self, inquiry, installer):
        with pytest.raises(uninstall.UninstallRefused) as refused:
            uninstall.run(api.portal.get())
        assert "1 inquiries" in str(refused.value)
        assert installed(installer)
        assert "Inquiry" in api.portal.get_tool("portal_types")

    def test_addons_panel_says_why(self, inquiry, installer, http_request):
        http_request.form["uninstall_product"] = PRODUCT
        view = api.content.get_view(
            "uninstall_products", api.portal.get(), http_request
        )
        view()
        assert installed(installer)
        from Products.statusmessages.interfaces import IStatusMessage

        texts = [m.message for m in IStatusMessage(http_request).show()]
        assert any("Site Setup" in text and "inquiries" in text for text in texts)

    def test_remove_needs_a_current_export(self, inquiry, installer):
        with pytest.raises(uninstall.UninstallRefused):
            uninstall.run(api.portal.get(), uninstall.REMOVE)
        assert installed(installer)

    def test_export_is_stale_after_a_change(self, inquiry, admin, tmp_path):
        counts = write_export(str(tmp_path / "e.zip"))
        uninstall.note_export(admin, counts)
        assert uninstall.export_is_current(admin)
        api.content.create(container=inquiry.__parent__, type="Inquiry", title="Ny")
        assert not uninstall.export_is_current(admin)

    def test_empty_site_uninstalls_cleanly(self, admin, installer):
        assert uninstall.run(admin)
        assert not installed(installer)
        assert install.find_containers("ServiceDesk") == []
        assert "ServiceDesk" not in api.portal.get_tool("portal_types")


class TestKeep:
    def test_content_stays_readable(self, inquiry, installer):
        portal = api.portal.get()
        assert uninstall.run(portal, uninstall.KEEP)
        assert not installed(installer)
        types = api.portal.get_tool("portal_types")
        assert types["Inquiry"].default_view == "view"
        assert types["ServiceDesk"].default_view == "listing_view"
        assert not types["ServiceDesk"].global_allow
        assert api.content.get_state(inquiry) == "registered"
        assert "Vannlekkasje" in inquiry()

    def test_nobody_can_add_afterwards(self, inquiry, installer):
        uninstall.run(api.portal.get(), uninstall.KEEP)
        assert not api.user.has_permission(
            "collective.servicedesk: Add Inquiry", obj=inquiry.__parent__
        )


class TestTheSiteGoesOn:
    def test_pages_are_edited_and_deleted_after_uninstall(self, inquiry, installer):
        """Our event handlers stay registered with the code: they must not break
        the site's own content once the add-on is uninstalled."""
        portal = api.portal.get()
        uninstall.run(portal, uninstall.KEEP)
        page = api.content.create(container=portal, type="Document", title="Ny side")
        page.title = "Endret side"
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        notify(ObjectModifiedEvent(page))
        api.content.delete(page)
        api.content.delete(inquiry, check_linkintegrity=False)
        assert "ny-side" not in portal.objectIds()


class TestRemove:
    def test_export_then_remove(self, inquiry, admin, installer, tmp_path):
        reference = inquiry.reference_number
        path = tmp_path / "export.zip"
        counts = write_export(str(path))
        assert counts == {"inquiries": 1, "knowledge": 0}
        with zipfile.ZipFile(path) as archive:
            lines = archive.read("inquiries.jsonl").decode().splitlines()
            assert {"inquiries.jsonl", "knowledge.jsonl", "categories.json"} <= set(
                archive.namelist()
            )
        record = json.loads(lines[0])
        assert record["title"] == "Vannlekkasje"
        assert record["reference_number"] == reference
        assert record["review_state"] == "registered"
        uninstall.note_export(admin, counts)
        assert uninstall.run(admin, uninstall.REMOVE)
        assert not installed(installer)
        catalog = api.portal.get_tool("portal_catalog")
        assert not catalog.unrestrictedSearchResults(portal_type="Inquiry")
        assert install.find_containers("ServiceDesk") == []
        assert "Inquiry" not in api.portal.get_tool("portal_types")


class TestDeletes:
    def test_deleting_the_desk_with_inquiries(self, inquiry, admin):
        from collective.servicedesk.citizen import codes

        codes.issue(inquiry)
        assert codes._storage()["by_uid"].get(inquiry.UID())
        desk = inquiry.__parent__
        api.content.delete(desk, check_linkintegrity=False)
        assert install.find_containers("ServiceDesk") == []
        assert codes._storage()["by_uid"].get(inquiry.UID()) is None

    def test_deleting_the_whole_site(self, inquiry, app):
        """As from the Zope root's management screen: no site is set."""
        from collective.servicedesk.citizen import codes
        from zope.component.hooks import setSite

        codes.issue(inquiry)
        setSite(None)
        app.manage_delObjects(["plone"])
        assert "plone" not in app.objectIds()
