"""Registry records, permissions and control panel of the workspace; uninstall."""

from plone import api
import pytest

PREFIX = "collective.servicedesk.workspace"


class TestInstalled:
    @pytest.mark.parametrize(
        "name,value",
        [
            ("quickbar_enabled", True),
            ("quickbar_location", "top"),
            ("queue_enabled", True),
            ("presence_location", "top"),
            ("messages_enabled", True),
            ("queue_size", 5),
            ("online_minutes", 15),
            ("redis_url", ""),
        ],
    )
    def test_registry_defaults(self, portal, name, value):
        assert api.portal.get_registry_record(f"{PREFIX}.{name}") == value

    @pytest.mark.parametrize(
        "permission,roles",
        [
            (
                "collective.servicedesk: Use workspace",
                {
                    "Manager",
                    "Site Administrator",
                    "Service Desk Agent",
                    "Case Handler",
                    "Knowledge Editor",
                    "Service Desk Lead",
                },
            ),
            (
                "collective.servicedesk: View statistics",
                {"Manager", "Site Administrator", "Service Desk Lead"},
            ),
        ],
    )
    def test_permissions(self, portal, permission, roles):
        granted = {
            r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]
        }
        assert granted == roles

    def test_controlpanel(self, portal, controlpanel_actions):
        assert "servicedesk-workspace" in controlpanel_actions

    def test_location_vocabulary(self, portal):
        from zope.component import getUtility
        from zope.schema.interfaces import IVocabularyFactory

        vocabulary = getUtility(
            IVocabularyFactory, "collective.servicedesk.WorkspaceLocations"
        )(portal)
        assert [t.value for t in vocabulary] == [
            "top",
            "abovecontent",
            "belowcontent",
            "footer",
        ]

    def test_controlpanel_form_renders(self, portal, http_request):
        from collective.servicedesk.interfaces import IServiceDeskLayer
        from plone.app.testing import TEST_USER_ID
        from plone.app.testing import setRoles
        from zope.interface import alsoProvides

        alsoProvides(http_request, IServiceDeskLayer)
        setRoles(portal, TEST_USER_ID, ["Site Administrator"])
        html = portal.restrictedTraverse("@@servicedesk-workspace-controlpanel")()
        assert "form.widgets.quickbar_location" in html
        assert "Top bar (in the site header)" in html


class TestUninstalled:
    @pytest.fixture(autouse=True)
    def uninstalled(self, uninstalled):
        pass

    def test_registry_removed(self, portal):
        registry = api.portal.get_tool("portal_registry")
        assert not [key for key in registry.records.keys() if key.startswith(PREFIX)]

    def test_controlpanel_removed(self, controlpanel_actions):
        assert "servicedesk-workspace" not in controlpanel_actions
