"""What installing the default profile does beyond the XML steps.

The desk must work right after "Install" in Site Setup → Add-ons: the service
desk and the knowledge base are created (titles in the site's language), the
catalog indexes the profile adds are filled from the content already there,
and the role grants recorded by an earlier uninstall are given back.
"""

from collective.servicedesk import logger
from collective.servicedesk.categories.language import normalize_language
from collective.servicedesk.search.leaves import convert as convert_lean_trees
from collective.servicedesk.search.postings import convert as convert_text_indexes
from collective.servicedesk.setuphandlers import grants
from pathlib import Path
from plone import api
from xml.etree import ElementTree
import transaction

DESK_ID = "service-desk"
KNOWLEDGE_BASE_ID = "knowledge-base"
# Content titles are data, not interface text: stored in the site's language.
TITLES = {
    "nb": {"ServiceDesk": "Servicetorget", "KnowledgeBase": "Kunnskapsbanken"},
    "nn": {"ServiceDesk": "Servicetorget", "KnowledgeBase": "Kunnskapsbanken"},
    "en": {"ServiceDesk": "Service desk", "KnowledgeBase": "Knowledge base"},
}
CATALOG_XML = Path(__file__).parent.parent / "profiles" / "default" / "catalog.xml"
# Indexes present before our default profile ran, per site (set by pre_install).
_before: dict[tuple, set] = {}
SAVEPOINT_EVERY = 500


def profile_catalog() -> tuple[list[str], list[str]]:
    """The index and column names our default profile's catalog.xml adds."""
    root = ElementTree.parse(CATALOG_XML).getroot()
    indexes = [node.get("name") for node in root.iter("index") if node.get("name")]
    columns = [node.get("value") for node in root.iter("column") if node.get("value")]
    return indexes, columns


def site_language() -> str:
    """nb, nn or en: the language content titles are written in."""
    return normalize_language(api.portal.get_default_language())


def find_containers(portal_type: str) -> list:
    """Objects of ``portal_type`` anywhere in the site, whoever asks."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type=portal_type, sort_on="path")
    return [brain._unrestrictedGetObject() for brain in brains]


def ensure_containers(portal) -> dict:
    """Create the service desk and the knowledge base unless the site has them.

    An existing desk or knowledge base is kept wherever the admin put it; the
    lookup is by type, never by id.
    """
    titles = TITLES[site_language()]
    created = {}
    ids = {"ServiceDesk": DESK_ID, "KnowledgeBase": KNOWLEDGE_BASE_ID}
    for portal_type, wanted_id in ids.items():
        if find_containers(portal_type):
            continue
        with api.env.adopt_roles(["Manager"]):
            obj = api.content.create(
                container=portal,
                type=portal_type,
                id=wanted_id,
                title=titles[portal_type],
                safe_id=True,
            )
        created[portal_type] = obj
        logger.info("Created %s at %s.", portal_type, "/".join(obj.getPhysicalPath()))
    return created


def remember_indexes(portal) -> None:
    """Note which catalog indexes exist before our profile adds its own."""
    catalog = api.portal.get_tool("portal_catalog")
    _before[portal.getPhysicalPath()] = set(catalog.indexes()) | {
        f"column:{name}" for name in catalog.schema()
    }


def new_indexes(portal) -> tuple[list[str], list[str]]:
    """Our indexes and columns that this install created (empty, to be filled)."""
    catalog = api.portal.get_tool("portal_catalog")
    indexes, columns = profile_catalog()
    before = _before.pop(portal.getPhysicalPath(), None)
    present = set(catalog.indexes())
    if before is None:
        # No note from before the import (profile applied step by step): an
        # index of ours that holds nothing is treated as new.
        created = [
            name
            for name in indexes
            if name in present and not catalog.Indexes[name].numObjects()
        ]
        return created, []
    created = [name for name in indexes if name in present and name not in before]
    added_columns = [
        name
        for name in columns
        if name in catalog.schema() and f"column:{name}" not in before
    ]
    return created, added_columns


def refill_indexes(portal, indexes: list[str], columns: list[str]) -> int:
    """Index the site's existing content into freshly created indexes and columns.

    Returns the number of objects indexed. Nothing to do on a new site; after
    a reinstall the inquiries and knowledge kept in the site are found again.
    """
    if not indexes and not columns:
        return 0
    catalog = api.portal.get_tool("portal_catalog")
    # Only the new indexes; metadata only when a column is new. An empty idxs
    # list would mean "every index" to the catalog, so always name one.
    idxs = list(indexes) or ["getId"]
    count = 0
    # An empty query finds nothing in Plone's catalog: ask for the whole site.
    site_path = "/".join(portal.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path=site_path):
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            continue
        catalog.catalog_object(
            obj, brain.getPath(), idxs=idxs, update_metadata=bool(columns)
        )
        count += 1
        if count % SAVEPOINT_EVERY == 0:
            transaction.savepoint(optimistic=True)
    logger.info(
        "Filled %s new catalog indexes and %s columns from %s objects.",
        len(indexes),
        len(columns),
        count,
    )
    return count


def pre_install(context) -> None:
    """Before the default profile's steps: remember the catalog's indexes."""
    remember_indexes(api.portal.get())


def post_install(context) -> None:
    """After the default profile's steps: a desk that works at once."""
    portal = api.portal.get()
    # Text indexes whose postings merge under concurrent writes (issue 19).
    convert_text_indexes(api.portal.get_tool("portal_catalog"))
    # Catalogue trees with small buckets: fewer bytes written per change (issue 19).
    convert_lean_trees(portal)
    indexes, columns = new_indexes(portal)
    refill_indexes(portal, indexes, columns)
    grants.restore(portal)
    ensure_containers(portal)
