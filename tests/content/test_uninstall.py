"""Uninstall removes the types, workflows, indexes and columns again."""

from plone import api
import pytest


@pytest.fixture(autouse=True)
def uninstalled(uninstalled):
    pass


@pytest.mark.parametrize("type_id", ["ServiceDesk", "Inquiry"])
def test_type_removed(portal, type_id):
    assert type_id not in api.portal.get_tool("portal_types")


@pytest.mark.parametrize(
    "workflow", ["servicedesk_inquiry_workflow", "servicedesk_desk_workflow"]
)
def test_workflow_removed(portal, workflow):
    assert workflow not in api.portal.get_tool("portal_workflow")


@pytest.mark.parametrize(
    "name", ["reference_number", "inquiry_channel", "due_date", "confidential"]
)
def test_index_and_column_removed(portal, name):
    catalog = api.portal.get_tool("portal_catalog")
    assert name not in catalog.indexes()
    assert name not in catalog.schema()
