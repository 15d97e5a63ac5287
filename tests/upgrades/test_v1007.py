"""Upgrade 1006 -> 1007: search settings, FAQ fields column, text index reindexed."""

from collective.servicedesk.search import search
from collective.servicedesk.upgrades.v1007 import analysis_chain
from plone import api
from tests.helpers.upgrades import registered_steps
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_kb

PROFILE = "collective.servicedesk:default"
PREFIX = "collective.servicedesk.search"


def test_registered(portal):
    assert ("1006", "1007") in registered_steps()


def test_installed(portal):
    assert api.portal.get_registry_record(f"{PREFIX}.synonyms") == []
    catalog = api.portal.get_tool("portal_catalog")
    assert "servicedesk_faq_fields" in catalog.schema()
    tool = api.portal.get_tool("portal_controlpanel")
    assert "servicedesk-knowledge" in [a.getId() for a in tool.listActions()]


def test_upgrade_from_a_1006_site(portal):
    faq = make_faq(make_kb(portal), "Kva kostar vatn?", state="published_internally")
    catalog = api.portal.get_tool("portal_catalog")
    registry = api.portal.get_tool("portal_registry")
    # As a 1006 site was: no records, no column, no configlet, old index terms.
    for name in ("synonyms", "los_source"):
        del registry.records[f"{PREFIX}.{name}"]
    catalog.delColumn("servicedesk_faq_fields")
    api.portal.get_tool("portal_controlpanel").unregisterConfiglet(
        "servicedesk-knowledge"
    )
    catalog._catalog.getIndex("servicedesk_text").clear()
    assert search("vann")["total"] == 0
    analysis_chain(api.portal.get_tool("portal_setup"))
    api.portal.set_registry_record(f"{PREFIX}.synonyms", ["vatn = drikkevann"])
    assert "servicedesk_faq_fields" in catalog.schema()
    brain = catalog(UID=faq.UID())[0]
    assert brain.servicedesk_faq_fields["question"] == "Kva kostar vatn?"
    # Reindexed with the chain: the Bokmål form finds the Nynorsk entry.
    assert [i["title"] for i in search("vann")["items"]] == ["Kva kostar vatn?"]
    tool = api.portal.get_tool("portal_controlpanel")
    assert "servicedesk-knowledge" in [a.getId() for a in tool.listActions()]
