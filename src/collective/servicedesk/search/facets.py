"""Facet definitions and counting over catalog brains (metadata only)."""

from collective.servicedesk import _
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta

FACETS = ("portal_type", "category", "audience", "review_state", "date")

# Nested "newer than" buckets plus "older"; a brain can be in several.
DATE_BUCKETS = (
    ("week", 7, _("facet_date_week", default="Last 7 days")),
    ("month", 30, _("facet_date_month", default="Last 30 days")),
    ("year", 365, _("facet_date_year", default="Last 12 months")),
    ("older", None, _("facet_date_older", default="Older than 12 months")),
)

FACET_TITLES = {
    "portal_type": _("facet_type", default="Type"),
    "category": _("facet_category", default="Category"),
    "audience": _("facet_audience", default="Audience"),
    "review_state": _("facet_state", default="State"),
    "date": _("facet_date", default="Date"),
}


def aware(now: datetime) -> datetime:
    """A timezone-aware datetime (a naive one is read as local time)."""
    return now if now.tzinfo is not None else now.astimezone()


def _as_datetime(value) -> datetime | None:
    if isinstance(value, DateTime):
        return value.asdatetime()
    return None


def date_buckets(created, now: datetime) -> list[str]:
    """The date buckets a creation date falls into."""
    when = _as_datetime(created)
    if when is None:
        return []
    age = aware(now) - when
    buckets = [
        key
        for key, days, _title in DATE_BUCKETS
        if days and age <= timedelta(days=days)
    ]
    return buckets or ["older"]


def date_query(bucket: str, now: datetime) -> dict | None:
    """Catalog query on ``created`` for one bucket."""
    for key, days, _title in DATE_BUCKETS:
        if key != bucket:
            continue
        if days is None:
            return {"query": DateTime(aware(now) - timedelta(days=365)), "range": "max"}
        return {"query": DateTime(aware(now) - timedelta(days=days)), "range": "min"}
    return None


def brain_values(brain, now: datetime) -> dict[str, list[str]]:
    """The facet values of one result, read from catalog metadata."""
    categories = getattr(brain, "servicedesk_categories", None) or ()
    audience = getattr(brain, "servicedesk_audience", None)
    return {
        "portal_type": [brain.portal_type],
        "category": [c for c in categories if isinstance(c, str)],
        "audience": [audience] if isinstance(audience, str) and audience else [],
        "review_state": [brain.review_state] if brain.review_state else [],
        "date": date_buckets(brain.created, now),
    }


def matches(
    values: dict[str, list[str]], filters: dict[str, list[str]], skip: str | None = None
) -> bool:
    """True if the values pass every filter (OR within a facet), except ``skip``."""
    for facet, wanted in filters.items():
        if facet == skip or not wanted:
            continue
        if not set(values.get(facet, ())) & set(wanted):
            return False
    return True


def count(
    rows: list[dict[str, list[str]]], filters: dict[str, list[str]]
) -> dict[str, dict[str, int]]:
    """Counts per facet value; each facet ignores its own filter (multi-select)."""
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    for values in rows:
        for facet in FACETS:
            if not matches(values, filters, skip=facet):
                continue
            for value in values.get(facet, ()):
                counts[facet][value] = counts[facet].get(value, 0) + 1
    return counts
