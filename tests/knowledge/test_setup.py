"""Install and uninstall of the knowledge parts (types, workflows, indexes)."""

from plone import api
import pytest

INDEXES = (
    "servicedesk_text",
    "servicedesk_categories",
    "servicedesk_audience",
    "faq_review_by",
)
COLUMNS = ("servicedesk_categories", "servicedesk_audience", "servicedesk_excerpt")
TYPES = ("KnowledgeBase", "FAQEntry", "ExperienceDocument")
WORKFLOWS = (
    "servicedesk_knowledgebase_workflow",
    "servicedesk_faq_workflow",
    "servicedesk_experience_workflow",
)


class TestInstalled:
    @pytest.mark.parametrize("name", INDEXES)
    def test_index(self, portal, name):
        assert name in api.portal.get_tool("portal_catalog").indexes()

    @pytest.mark.parametrize("name", COLUMNS)
    def test_column(self, portal, name):
        assert name in api.portal.get_tool("portal_catalog").schema()

    def test_norwegian_lexicon(self, portal):
        catalog = api.portal.get_tool("portal_catalog")
        lexicon = catalog["servicedesk_lexicon"]
        assert [type(e).__name__ for e in lexicon._pipeline] == ["NorwegianSplitter"]
        assert (
            catalog._catalog.getIndex("servicedesk_text").lexicon_id
            == "servicedesk_lexicon"
        )

    @pytest.mark.parametrize("name", WORKFLOWS)
    def test_workflow(self, portal, name):
        assert name in api.portal.get_tool("portal_workflow")

    @pytest.mark.parametrize(
        "permission,roles",
        [
            (
                "collective.servicedesk: Add FAQEntry",
                {"Knowledge Editor", "Service Desk Agent", "Case Handler"},
            ),
            ("collective.servicedesk: Add KnowledgeBase", {"Knowledge Editor"}),
            (
                "collective.servicedesk: Manage knowledge",
                {"Knowledge Editor", "Service Desk Lead"},
            ),
        ],
    )
    def test_rolemap(self, portal, permission, roles):
        granted = {
            r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]
        }
        assert roles <= granted
        assert "Anonymous" not in granted


class TestUninstalled:
    @pytest.fixture(autouse=True)
    def uninstalled(self, uninstalled):
        pass

    @pytest.mark.parametrize("name", TYPES)
    def test_type_removed(self, portal, name):
        assert name not in api.portal.get_tool("portal_types")

    @pytest.mark.parametrize("name", WORKFLOWS)
    def test_workflow_removed(self, portal, name):
        assert name not in api.portal.get_tool("portal_workflow")

    def test_indexes_columns_and_lexicon_removed(self, portal):
        catalog = api.portal.get_tool("portal_catalog")
        assert not set(INDEXES) & set(catalog.indexes())
        assert not set(COLUMNS) & set(catalog.schema())
        assert "servicedesk_lexicon" not in catalog

    def test_not_versionable_any_more(self, portal):
        versionable = api.portal.get_tool(
            "portal_repository"
        ).getVersionableContentTypes()
        assert "FAQEntry" not in versionable
        assert "ExperienceDocument" not in versionable
