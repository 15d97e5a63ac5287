"""FAQ suggestions for a half-typed question: the FAQ index, then one catalog query."""

from collective.servicedesk.interfaces import FAQ_ENTRY
from collective.servicedesk.interfaces import IFAQUsage
from collective.servicedesk.search.analysis.chain import analyse_query
from collective.servicedesk.search.faq_index import SUGGESTED_STATES
from collective.servicedesk.search.faq_index import faq_index
from collective.servicedesk.search.highlight import Matcher
from collective.servicedesk.search.highlight import highlight
from collective.servicedesk.search.ranking import rank
from plone import api
from zope.component import getUtility

__all__ = ["SUGGESTED_STATES", "suggest_faq"]

MAX_TEXT = 500


def _usage():
    """Uses per FAQ entry (the knowledge feature's ``IFAQUsage`` utility)."""
    return getUtility(IFAQUsage)()


def ranked_uids(text: str) -> list[tuple[float, str]]:
    """(score, uid) of all matching entries, whoever may see them (no brains)."""
    concepts = analyse_query((text or "")[:MAX_TEXT], typing=True)
    if not concepts:
        return []
    return rank(concepts, faq_index(), _usage())


def suggest_faq(text: str, limit: int = 5) -> list[dict]:
    """Best-matching FAQ entries for what is typed so far, best first."""
    ranked = ranked_uids(text)[: max(limit, 1) * 4]
    if not ranked:
        return []
    # The user's catalog query filters what they may not see.
    brains = api.portal.get_tool("portal_catalog").searchResults(
        UID=[uid for _score, uid in ranked],
        portal_type=FAQ_ENTRY,
        review_state=SUGGESTED_STATES,
    )
    by_uid = {brain.UID: brain for brain in brains}
    matcher = Matcher(text, typing=True)
    items = []
    for score, uid in ranked:
        brain = by_uid.get(uid)
        if brain is None:
            continue
        excerpt = brain.servicedesk_excerpt
        items.append(
            {
                "uid": uid,
                "title": brain.Title,
                "title_html": highlight(brain.Title or "", matcher),
                "url": brain.getURL(),
                "excerpt": excerpt if isinstance(excerpt, str) else "",
                "review_state": brain.review_state,
                "score": round(score * 100, 2),
            }
        )
        if len(items) >= limit:
            break
    return items
