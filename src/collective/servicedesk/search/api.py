"""The free-text search: permission-aware, faceted, highlighted, JSON-friendly."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import union
from collective.servicedesk import catalogaccess
from collective.servicedesk.catalogaccess import result_rids
from collective.servicedesk.categories.storage import category_title
from collective.servicedesk.interfaces import KNOWLEDGE_TYPES
from collective.servicedesk.search import facets
from collective.servicedesk.search.facets import aware
from collective.servicedesk.search.highlight import Matcher
from collective.servicedesk.search.highlight import highlight
from collective.servicedesk.search.highlight import snippet
from collective.servicedesk.search.query import text_query
from datetime import datetime
from datetime import timedelta
from plone import api
from Products.ZCTextIndex.ParseTree import ParseError

INQUIRY = "Inquiry"
TEXT_INDEX = "servicedesk_text"
# Up to this many hits the facets are counted in one pass over the brains' metadata;
# above it, from the record-id sets of the facet indexes (no brain but the page's).
# The brain pass reads one metadata record per hit, scattered over the
# catalogue's metadata buckets: at 100 000 inquiries a search with 2 000 hits
# loaded about as many buckets, and on instances that had not read them yet
# the search page took seconds and held a thread meanwhile (issue 19, S6 at
# 100 000: every action's p95 6-11 s in the first half minute). The sets give the
# same counts (tests/search/test_search.py) and read only index trees.
BRAIN_FACET_LIMIT = 250
FILTER_INDEXES = {
    "portal_type": "portal_type",
    "category": "servicedesk_categories",
    "audience": "servicedesk_audience",
    "review_state": "review_state",
}


def searched_types() -> list[str]:
    """Knowledge types for all; inquiries too for logged-in users (catalog filters)."""
    types = list(KNOWLEDGE_TYPES)
    if not api.user.is_anonymous() and INQUIRY in api.portal.get_tool("portal_types"):
        types.append(INQUIRY)
    return types


def clean_filters(filters: dict | None) -> dict[str, list[str]]:
    """Keep known facets; values as lists of strings; one date bucket at most."""
    result: dict[str, list[str]] = {}
    for facet in facets.FACETS:
        value = (filters or {}).get(facet)
        if not value:
            continue
        values = [value] if isinstance(value, str) else [str(v) for v in value if v]
        if facet == "date":
            values = values[:1]
        if values:
            result[facet] = values
    return result


def _catalog_filters(filters: dict[str, list[str]], now: datetime) -> dict:
    query = {}
    for facet, values in filters.items():
        if facet == "date":
            date_range = facets.date_query(values[0], now)
            if date_range:
                query["created"] = date_range
        elif facet == "category":
            query[FILTER_INDEXES[facet]] = {"query": values, "operator": "or"}
        else:
            query[FILTER_INDEXES[facet]] = values
    return query


def _run(base: dict, text: str, operator: str):
    query = dict(base)
    if text:
        query[TEXT_INDEX] = text_query(text, operator)
        if not query[TEXT_INDEX]:
            return None
    else:
        query.update(sort_on="created", sort_order="descending")
    try:
        return api.portal.get_tool("portal_catalog").searchResults(**query)
    except ParseError:
        return None


def _date_sets(hits: IISet, now: datetime) -> dict[str, IISet]:
    """The hits per date bucket, from the ``created`` index's values (no brain)."""
    created_of = catalogaccess.rid_values("created")
    limits = {
        key: catalogaccess.date_key("created", aware(now) - timedelta(days=days))
        for key, days, _title in facets.DATE_BUCKETS
        if days
    }
    year = limits["year"]
    sets: dict[str, list[int]] = {key: [] for key, _d, _t in facets.DATE_BUCKETS}
    for rid in hits:
        created = created_of(rid)
        if created is None:
            continue
        inside = [key for key, limit in limits.items() if created >= limit]
        for key in inside:
            sets[key].append(rid)
        if created < year:
            sets["older"].append(rid)
    return {key: IISet(rids) for key, rids in sets.items()}


def _value_sets(facet: str, hits: IISet, now: datetime) -> dict[str, IISet]:
    """{value: record ids} of one facet, restricted to the hits."""
    if facet == "date":
        return _date_sets(hits, now)
    result = {}
    for value, records in catalogaccess.value_rids(FILTER_INDEXES[facet]):
        if not value:
            continue
        found = intersection(hits, records)
        if found:
            result[value] = found
    return result


def _counts_by_sets(hits: IISet, filters: dict, now: datetime) -> dict:
    """Facet counts from record-id sets: one text query, no brain, no re-ranking.

    Each facet is counted among the hits that pass the *other* facets' filters
    (multi-select), as the brain-based count does.
    """
    sets = {facet: _value_sets(facet, hits, now) for facet in facets.FACETS}

    def chosen(facet: str) -> IISet:
        rids = IISet()
        for value in filters.get(facet, ()):
            rids = union(rids, sets[facet].get(value, IISet()))
        return rids

    counts = {}
    for facet in facets.FACETS:
        passing = hits
        for other in filters:
            if other != facet:
                passing = intersection(passing, chosen(other))
        counts[facet] = {
            value: len(found)
            for value, records in sets[facet].items()
            if (found := intersection(passing, records))
        }
    return counts


def _ordered(facet: str, counts: dict[str, int]) -> list[tuple[str, int]]:
    """Dates newest bucket first; other facets by count, then value."""
    if facet == "date":
        order = [key for key, _days, _title in facets.DATE_BUCKETS]
        return sorted(counts.items(), key=lambda kv: order.index(kv[0]))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _titles(facet: str, value: str) -> str:
    from collective.servicedesk.search.titles import facet_value_title

    return facet_value_title(facet, value)


def search(
    text: str = "",
    filters: dict | None = None,
    b_start: int = 0,
    b_size: int = 20,
    now: datetime | None = None,
) -> dict:
    """Search knowledge (and, for staff, inquiries) as the current user may see it."""
    now = now or datetime.now()
    text = (text or "").strip()
    filters = clean_filters(filters)
    types = searched_types()
    base = {"portal_type": types}
    operator = "AND"
    hits = _run(base, text, operator)
    if text and hits is not None and not len(hits) and len(text.split()) > 1:
        operator = "OR"  # nothing has every word: show what has any of them
        hits = _run(base, text, operator)
    hits = hits if hits is not None else []
    if len(hits) <= BRAIN_FACET_LIMIT:
        rows = [(brain, facets.brain_values(brain, now)) for brain in hits]
        counts = facets.count([values for _brain, values in rows], filters)
        results = [brain for brain, values in rows if facets.matches(values, filters)]
        total = len(results)
        page = results[b_start : b_start + b_size]
    else:
        counts = _counts_by_sets(IISet(result_rids(hits)), filters, now)
        found = (
            _run({**base, **_catalog_filters(filters, now)}, text, operator) or []
            if filters
            else hits
        )
        total = len(found)
        page = found[b_start : b_start + b_size]
    matcher = Matcher(text)
    return {
        "query": text,
        "operator": operator.lower(),
        "total": total,
        "b_start": b_start,
        "b_size": b_size,
        "filters": filters,
        "items": [_item(brain, matcher) for brain in page],
        "facets": [
            {
                "name": facet,
                "values": [
                    {
                        "value": value,
                        "title": _titles(facet, value),
                        "count": number,
                        "selected": value in filters.get(facet, ()),
                    }
                    for value, number in _ordered(facet, counts.get(facet, {}))
                ],
            }
            for facet in facets.FACETS
        ],
    }


def _meta(brain, name: str):
    """A metadata value, or None where the column is empty (Missing.Value)."""
    value = getattr(brain, name, None)
    return value if isinstance(value, str | list | tuple) else None


def _item(brain, matcher: Matcher) -> dict:
    excerpt = _meta(brain, "servicedesk_excerpt") or brain.Description or ""
    categories = _meta(brain, "servicedesk_categories") or ()
    return {
        "uid": brain.UID,
        "url": brain.getURL(),
        "portal_type": brain.portal_type,
        "review_state": brain.review_state,
        "title": brain.Title,
        "title_html": highlight(brain.Title or "", matcher),
        "snippet_html": snippet(excerpt, matcher),
        "categories": [{"id": c, "title": category_title(c)} for c in categories],
        "audience": _meta(brain, "servicedesk_audience"),
        "reference_number": _meta(brain, "reference_number"),
        "created": brain.created.ISO8601() if brain.created else None,
        "score": getattr(brain, "data_record_normalized_score_", None),
    }
