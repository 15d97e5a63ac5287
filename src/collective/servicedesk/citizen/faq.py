"""FAQ suggestions for citizens: publicly published entries only.

The knowledge feature's ``suggest_faq`` ranks the entries; we keep only those
in the public state that anonymous visitors may see, whoever asks (staff
trying out the public form see what citizens see).
"""

from collective.servicedesk.knowledge.interfaces import FAQ_ENTRY
from collective.servicedesk.knowledge.interfaces import FAQ_PUBLIC_STATE
from collective.servicedesk.search import suggest_faq
from plone import api

CANDIDATES = 15


def public_faq_uids(uids: list[str]) -> set[str]:
    """The subset of ``uids`` that are public FAQ entries visible to anonymous."""
    if not uids:
        return set()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        UID=list(uids),
        portal_type=FAQ_ENTRY,
        review_state=FAQ_PUBLIC_STATE,
        allowedRolesAndUsers=["Anonymous"],
    )
    return {brain.UID for brain in brains}


def public_faq_suggestions(text: str, limit: int = 5) -> list[dict]:
    """Return up to ``limit`` public FAQ entries matching ``text``, best first."""
    found = suggest_faq(text or "", CANDIDATES)
    public = public_faq_uids([item["uid"] for item in found])
    return [
        {
            "@id": item["url"],
            "UID": item["uid"],
            "title": item["title"],
            "description": item.get("excerpt") or "",
        }
        for item in found
        if item["uid"] in public
    ][:limit]
