"""1006 -> 1007: the Norwegian analysis chain and FAQ suggestions (issue 16).

Adds the search settings (synonym list, LOS source), the knowledge control
panel, the ``servicedesk_faq_fields`` metadata column, and reindexes the text
index: its terms now come from the lemmatising chain, not from a stemmer.
"""

from collective.servicedesk import logger
from collective.servicedesk.knowledge.interfaces import FAQ_ENTRY
from collective.servicedesk.settings import GROUPS
from collective.servicedesk.settings import ISearchSettings
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

COLUMN = "servicedesk_faq_fields"
TEXT_INDEX = "servicedesk_text"
CONFIGLET = "servicedesk-knowledge"


def _configlet() -> None:
    tool = api.portal.get_tool("portal_controlpanel")
    if any(action.getId() == CONFIGLET for action in tool.listActions()):
        return
    tool.registerConfiglet(
        id=CONFIGLET,
        name="Service desk: knowledge search",
        action="string:${portal_url}/@@servicedesk-knowledge-controlpanel",
        permission="collective.servicedesk: Manage knowledge",
        category="Products",
        appId="collective.servicedesk",
        icon_expr="string:search",
    )


def analysis_chain(context=None) -> None:
    """Settings, configlet, metadata column; reindex the text index and FAQ metadata."""
    getUtility(IRegistry).registerInterface(ISearchSettings, prefix=GROUPS["search"][1])
    _configlet()
    catalog = api.portal.get_tool("portal_catalog")
    if COLUMN not in catalog.schema():
        catalog.addColumn(COLUMN)
    if TEXT_INDEX in catalog.indexes():
        logger.info("Reindexing %s with the Norwegian analysis chain", TEXT_INDEX)
        catalog.manage_reindexIndex(ids=[TEXT_INDEX])
    for brain in catalog.unrestrictedSearchResults(portal_type=FAQ_ENTRY):
        obj = brain._unrestrictedGetObject()
        # Metadata only: one index keeps the call cheap; the column is refreshed.
        catalog.catalog_object(obj, idxs=["UID"], update_metadata=True)
