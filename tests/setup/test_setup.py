"""Install, uninstall and profile version of the add-on."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from pathlib import Path
from plone import api
from plone.base.interfaces import INonInstallable
from xml.etree import ElementTree
from zope.component import getUtility
import pytest

METADATA = Path(__file__).resolve().parents[2] / "profiles" / "default" / "metadata.xml"
METADATA_VERSION = ElementTree.parse(METADATA).getroot().findtext("version")
ROLES = ["Service Desk Agent", "Case Handler", "Knowledge Editor", "Service Desk Lead"]


class TestInstall:
    def test_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_browserlayer(self, browser_layers):
        assert IServiceDeskLayer in browser_layers

    def test_profile_version(self, setup_tool, package_name):
        assert setup_tool.getLastVersionForProfile(f"{package_name}:default") == (
            METADATA_VERSION,
        )

    def test_latest_version_is_installed(self, profile_last_version, package_name):
        assert profile_last_version(f"{package_name}:default") == METADATA_VERSION

    def test_controlpanel_installed(self, controlpanel_actions):
        assert "servicedesk" in controlpanel_actions

    @pytest.mark.parametrize("role", ROLES)
    def test_role_registered(self, portal, role):
        assert role in portal.validRoles()

    @pytest.mark.parametrize(
        "key,value",
        [
            ("collective.servicedesk.default_service_promise", 48),
            ("collective.servicedesk.retention_days", 365),
            ("collective.servicedesk.required_fields", ["channel", "title"]),
            ("collective.servicedesk.sender_name", "Servicetorget"),
        ],
    )
    def test_registry_defaults(self, portal, key, value):
        assert api.portal.get_registry_record(key) == value

    def test_listed_in_addons_with_title(self, portal, http_request):
        view = api.content.get_view("prefs_install_products_form", portal, http_request)
        addons = view.get_addons(product_name="collective.servicedesk")
        addon = addons["collective.servicedesk"]
        assert addon["title"] == "Service desk"
        assert "routing" in addon["description"]

    def test_helper_profiles_hidden(self, installer):
        hidden = getUtility(
            INonInstallable, name="collective.servicedesk-hiddenprofiles"
        ).getNonInstallableProfiles()
        assert "collective.servicedesk:uninstall" in hidden
        assert "collective.servicedesk:testing" in hidden
        assert "collective.servicedesk:default" not in hidden
        profile = installer.get_install_profile("collective.servicedesk")
        assert profile["id"] == "collective.servicedesk:default"


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, uninstalled):
        pass

    def test_product_uninstalled(self, installer, package_name):
        assert installer.is_product_installed(package_name) is False

    def test_browserlayer_removed(self, browser_layers):
        assert IServiceDeskLayer not in browser_layers

    def test_controlpanel_removed(self, controlpanel_actions):
        assert "servicedesk" not in controlpanel_actions

    @pytest.mark.parametrize("role", ROLES)
    def test_role_removed(self, portal, role):
        assert role not in portal.validRoles()

    def test_registry_removed(self, portal):
        registry = api.portal.get_tool("portal_registry")
        assert "collective.servicedesk.retention_days" not in registry.records

    def test_roles_not_on_sharing_tab(self, portal, http_request):
        from plone.app.testing import TEST_USER_ID
        from plone.app.testing import setRoles

        setRoles(portal, TEST_USER_ID, ["Manager"])
        view = api.content.get_view("sharing", portal, http_request)
        ids = {r["id"] for r in view.roles()}
        assert not ids & set(ROLES)
