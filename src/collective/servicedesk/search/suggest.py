"""FAQ suggestions for a half-typed question: one catalog query, brains only."""

from collective.servicedesk.knowledge.interfaces import FAQ_ENTRY
from collective.servicedesk.search.highlight import Matcher
from collective.servicedesk.search.highlight import highlight
from collective.servicedesk.search.query import typing_query
from collective.servicedesk.search.text import normalize_word
from collective.servicedesk.search.text import words
from plone import api
from Products.ZCTextIndex.ParseTree import ParseError

# Staff still get entries waiting for review; the catalog hides them from the public.
SUGGESTED_STATES = ("published_internally", "published_publicly", "needs_review")
CANDIDATES = 30


def _title_score(title: str, terms: set[str], prefix: str | None) -> float:
    """Share of the typed terms found in the question (0..1)."""
    wanted = len(terms) + (1 if prefix else 0)
    if not wanted:
        return 0.0
    title_words = words(title)
    title_terms = {normalize_word(w) for w in title_words}
    hits = len(terms & title_terms)
    if prefix and any(
        normalize_word(w, stem=False, stop=False).startswith(prefix)
        for w in title_words
    ):
        hits += 1
    return hits / wanted


def _typed_terms(text: str) -> tuple[set[str], str | None]:
    """Complete terms, and the folded prefix of an unfinished last word."""
    all_words = words(text)
    complete = (text or "")[-1:].isspace() or (text or "")[-1:] in "?.!,"
    head = all_words if complete else all_words[:-1]
    terms = {t for t in (normalize_word(w) for w in head) if t}
    prefix = None
    if not complete and all_words:
        last = all_words[-1]
        prefix = normalize_word(last, stem=False, stop=False) or None
    return terms, prefix


def suggest_faq(text: str, limit: int = 5) -> list[dict]:
    """Best-matching FAQ entries for what is typed so far, best first."""
    query = typing_query(text)
    if not query:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    try:
        brains = catalog.searchResults(
            servicedesk_text=query,
            portal_type=FAQ_ENTRY,
            review_state=SUGGESTED_STATES,
        )[:CANDIDATES]
    except ParseError:
        return []
    terms, prefix = _typed_terms(text)
    typed = words(text)
    matcher = Matcher(" ".join(typed) + ("*" if prefix and typed else ""))
    ranked = []
    for position, brain in enumerate(brains):
        relevance = getattr(brain, "data_record_normalized_score_", None) or 0
        # The question's wording counts most; full-text relevance breaks ties.
        score = (
            100 * _title_score(brain.Title or "", terms, prefix)
            + relevance / 2
            - position / 100
        )
        ranked.append((score, brain))
    ranked.sort(key=lambda pair: pair[0], reverse=True)
    return [
        {
            "uid": brain.UID,
            "title": brain.Title,
            "title_html": highlight(brain.Title or "", matcher),
            "url": brain.getURL(),
            "excerpt": brain.servicedesk_excerpt
            if isinstance(brain.servicedesk_excerpt, str)
            else "",
            "review_state": brain.review_state,
            "score": round(score, 2),
        }
        for score, brain in ranked[:limit]
    ]
