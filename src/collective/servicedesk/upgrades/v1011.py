"""1010 → 1011: lean writes (issue 19).

Inquiries are indexed for their text once (in ``servicedesk_text``); their
``SearchableText`` keeps number, summary and tags, their ``Description``
column an excerpt; they leave the ``total_comments`` index and keep only the
queried interfaces in ``object_provides``; three metadata
columns nobody reads are removed. Existing inquiries are reindexed for
exactly those indexes.
"""

from plone import api
import logging
import transaction

logger = logging.getLogger("collective.servicedesk.upgrades")

UNREAD_COLUMNS = ("service_level", "solved_first_contact", "answered_date")
REINDEX = (
    "SearchableText",
    "servicedesk_text",
    "Description",
    "total_comments",
    "object_provides",
)
BATCH = 500


def lean_catalogue(setup_tool) -> None:
    """Drop the unread columns and reindex the inquiries' text indexes."""
    catalog = api.portal.get_tool("portal_catalog")
    for column in UNREAD_COLUMNS:
        if column in catalog.schema():
            catalog.delColumn(column)
    indexes = [name for name in REINDEX if name in catalog.indexes()]
    brains = catalog.unrestrictedSearchResults(portal_type="Inquiry")
    done = 0
    for brain in brains:
        obj = brain._unrestrictedGetObject()
        catalog.catalog_object(obj, brain.getPath(), idxs=indexes, update_metadata=1)
        done += 1
        if done % BATCH == 0:
            # Keeps memory flat on large desks; the upgrade stays one transaction.
            transaction.savepoint(optimistic=True)
            logger.info("Lean catalogue: %d inquiries reindexed", done)
    logger.info("Lean catalogue: %d inquiries reindexed", done)
