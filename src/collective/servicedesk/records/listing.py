"""Catalog-only listings: inquiries of a case, filing counts and problems."""

from collective.servicedesk import catalogaccess
from collective.servicedesk.records import state
from collective.servicedesk.records.indexers import normalise
from plone import api

FIELDS = (
    "UID",
    "reference_number",
    "Title",
    "review_state",
    "case_number",
    "records_status",
)


def row(brain) -> dict:
    """A listing row from catalog metadata (never the object)."""
    return {
        "uid": brain.UID,
        "url": brain.getURL(),
        "reference": getattr(brain, "reference_number", None) or "",
        "title": brain.Title,
        "review_state": brain.review_state,
        "case_number": getattr(brain, "case_number", None) or "",
        "records_status": getattr(brain, "records_status", None) or "",
        "records_error": dict(getattr(brain, "records_error", None) or {}),
        "created": brain.created.ISO8601() if brain.created else None,
    }


def case_inquiries(number: str) -> list[dict]:
    """Inquiries of case ``number`` the current user may see, oldest first."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type="Inquiry", case_number=normalise(number), sort_on="created"
    )
    return [row(brain) for brain in brains]


def counts() -> dict[str, int]:
    """Pending, filed and rejected filings (numbers only, site-wide)."""
    catalog = api.portal.get_tool("portal_catalog")
    found = catalogaccess.value_counts("records_status", catalog)
    return {status: found.get(status, 0) for status in state.STATUSES}


def by_status(status: str, limit: int = 100) -> list[dict]:
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type="Inquiry",
        records_status=status,
        sort_on="modified",
        sort_order="descending",
        sort_limit=limit,
    )[:limit]
    return [row(brain) for brain in brains]
