"""Catalog queries behind the inquiry listings and queues (brains only)."""

from collective.servicedesk.records.indexers import normalise as normalise_case
from collective.servicedesk.records.model import parse_case_number
from DateTime import DateTime
from datetime import UTC
from datetime import datetime
from plone import api

# Inquiries somebody still has to work on. "answered" is back at the front
# desk for follow-up, so it is listed separately (see FOLLOW_UP_STATES).
WAITING_STATES = ("registered", "assigned", "in_progress", "forwarded")
FOLLOW_UP_STATES = ("answered",)
STATES = WAITING_STATES + FOLLOW_UP_STATES + ("closed", "filed")
# Filters of the service desk listing: request key -> catalog index.
FILTERS = {
    "state": "review_state",
    "channel": "inquiry_channel",
    "category": "inquiry_category",
    "unit": "responsible_unit",
    "handler": "responsible_handler",
    "case": "case_number",
}


def now() -> DateTime:
    """The current time as a Zope DateTime (what DateIndex queries compare)."""
    return DateTime(datetime.now(UTC).isoformat())


def base_query(path: str | None = None) -> dict:
    """Inquiries (optionally below `path`), newest first."""
    # Reference numbers are issued in registration order and, unlike the
    # "created" index (minute resolution), order inquiries of the same minute.
    query = {
        "portal_type": "Inquiry",
        "sort_on": "reference_number",
        "sort_order": "descending",
    }
    if path:
        query["path"] = path
    return query


def listing_query(path: str | None, filters: dict) -> dict:
    """The service desk listing: base query narrowed by the request's filters."""
    query = base_query(path)
    for key, index in FILTERS.items():
        value = filters.get(key)
        if value:
            query[index] = value
    if query.get("case_number"):
        query["case_number"] = normalise_case(query["case_number"])
    if filters.get("overdue"):
        query["due_date"] = {"query": now(), "range": "max"}
        query.setdefault("review_state", list(WAITING_STATES))
    text = (filters.get("text") or "").strip()
    if text and parse_case_number(text):
        # "2026/118" typed into the search box means the records-system case.
        query["case_number"] = normalise_case(text)
    elif text:
        # The inquiry's text is in the Norwegian index only (issue 19);
        # SearchableText holds its number, summary and tags.
        from collective.servicedesk.search.query import text_query

        words = text_query(text)
        if words:
            query["servicedesk_text"] = words
        else:
            query["SearchableText"] = text
    if not filters.get("tally"):
        query["tally"] = False
    return query


def my_open_query(user_id: str, path: str | None = None) -> dict:
    """Waiting inquiries with `user_id` as handler, earliest due first."""
    query = base_query(path)
    query.update(
        responsible_handler=user_id,
        review_state=list(WAITING_STATES),
        sort_on="due_date",
        sort_order="ascending",
    )
    return query


def follow_up_query(user_id: str, path: str | None = None) -> dict:
    """Answered inquiries registered by `user_id`: the citizen is waiting for us."""
    query = base_query(path)
    query.update(Creator=user_id, review_state=list(FOLLOW_UP_STATES))
    return query


def unit_queue_query(unit_ids: list[str], path: str | None = None) -> dict:
    """Waiting inquiries of the given units (at least one), earliest due first."""
    if not unit_ids:
        # An empty list would make the catalog ignore the index: match nothing instead.
        raise ValueError("unit_queue_query needs at least one unit")
    query = base_query(path)
    query.update(
        responsible_unit=list(unit_ids),
        review_state=list(WAITING_STATES),
        sort_on="due_date",
        sort_order="ascending",
    )
    return query


def overdue_query(path: str | None = None, when: DateTime | None = None) -> dict:
    """Waiting inquiries whose due date has passed, longest overdue first."""
    query = base_query(path)
    query.update(
        due_date={"query": when or now(), "range": "max"},
        review_state=list(WAITING_STATES),
        sort_on="due_date",
        sort_order="ascending",
    )
    return query


def search(query: dict):
    """Run `query` with the current user's permissions (a lazy sequence of brains)."""
    catalog = api.portal.get_tool("portal_catalog")
    if "tally" in query and "tally" not in catalog.indexes():
        query = {key: value for key, value in query.items() if key != "tally"}
    return catalog.searchResults(**query)
