"""Compute the statistics report from catalog record sets (no object is loaded)."""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import union as IIunion
from collective.servicedesk.categories import list_categories
from collective.servicedesk.dates import site_timezone
from collective.servicedesk.queues.queries import WAITING_STATES
from collective.servicedesk.statistics import sets
from collective.servicedesk.statistics.filters import DIMENSIONS
from collective.servicedesk.statistics.filters import Filters
from collective.servicedesk.statistics.labels import label
from collective.servicedesk.statistics.numbers import week_label
from DateTime import DateTime
from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta
import math
import statistics


def day_bounds(filters: Filters) -> tuple[DateTime, DateTime]:
    """The range as DateTimes: start of the first day to the end of the last (local)."""
    zone = site_timezone()
    start = datetime.combine(filters.start, time.min, tzinfo=zone)
    end = datetime.combine(filters.end + timedelta(days=1), time.min, tzinfo=zone)
    return DateTime(start.isoformat()), DateTime(
        (end - timedelta(seconds=1)).isoformat()
    )


def dimension_query(filters: Filters) -> dict:
    """Inquiries narrowed by the dimension filters (the service level apart)."""
    query = {"portal_type": "Inquiry"}
    for name, index in DIMENSIONS.items():
        if filters.dimensions.get(name) and name != "service_level":
            query[index] = filters.dimensions[name]
    return query


def category_levels() -> dict[str, str]:
    """{category id: service level} of the category catalogue."""
    return {
        record["id"]: record.get("service_level") or ""
        for record in list_categories(include_retired=True)
    }


def without_level(selected) -> IISet:
    """The selected inquiries that have no service level of their own."""
    levels = [v for v in sets.catalog().uniqueValuesFor("service_level") if v]
    if not levels:
        return selected
    return sets.minus(selected, sets.rids({"service_level": levels}))


def with_level(selected, level: str) -> IISet:
    """Inquiries of a service level: their own, or else their category's."""
    own = sets.both(selected, sets.rids({"service_level": level}))
    categories = [c for c, lvl in category_levels().items() if lvl == level]
    if not categories:
        return own
    inherited = sets.both(
        without_level(selected), sets.rids({"inquiry_category": categories})
    )
    return IIunion(own, inherited)


def level_counts(selected) -> dict[str, int]:
    """{service level: count}, an inquiry without one counted at its category's."""
    counts = sets.counts_by("service_level", selected)
    if not counts.pop("", 0):
        return counts
    levels = category_levels()
    for category, count in sets.counts_by(
        "inquiry_category", without_level(selected)
    ).items():
        level = levels.get(category, "")
        counts[level] = counts.get(level, 0) + count
    return counts


def selection(filters: Filters):
    """(selected rids honouring the tally mode, the non-tally rids for the KPIs)."""
    start, end = day_bounds(filters)
    query = dict(
        dimension_query(filters), created={"query": (start, end), "range": "min:max"}
    )
    everything = sets.rids(query)
    if filters.dimensions.get("service_level"):
        everything = with_level(everything, filters.dimensions["service_level"])
    tally = sets.true_rids("tally")
    work = sets.minus(everything, tally)
    if filters.tally == "exclude":
        return work, work
    if filters.tally == "only":
        return sets.both(everything, tally), work
    return everything, work


def bucket(when: datetime, period: str, zone=None) -> str:
    """The period key of a moment in the site's time zone."""
    local = when.astimezone(zone or site_timezone()).date()
    if period == "day":
        return local.isoformat()
    if period == "month":
        return f"{local.year}-{local.month:02d}"
    year, week, _weekday = local.isocalendar()
    return f"{year}-W{week:02d}"


def buckets(filters: Filters) -> list[str]:
    """Every period key between start and end, in order."""
    keys: list[str] = []
    day = filters.start
    zone = site_timezone()
    while day <= filters.end:
        key = bucket(datetime.combine(day, time(12), tzinfo=zone), filters.period)
        if key not in keys:
            keys.append(key)
        day += timedelta(days=1)
    return keys


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (share 0..1) of the values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def grouped(dimension: str, selected) -> list[dict]:
    """[{key, label, count}] of a dimension, largest first."""
    if dimension == "service_level":
        counts = level_counts(selected)
    else:
        counts = sets.counts_by(DIMENSIONS[dimension], selected)
    rows = [
        {"key": key, "label": label(dimension, key), "count": count}
        for key, count in counts.items()
    ]
    return sorted(rows, key=lambda row: (-row["count"], row["label"]))


def series(filters: Filters, selected) -> list[dict]:
    """[{key, count}] per period (day, week or month), empty periods included."""
    counts = dict.fromkeys(buckets(filters), 0)
    zone = site_timezone()
    # The time zone's offset is whole hours: one period key per distinct hour.
    keys: dict[int, str] = {}
    for value in sets.raw_dates("created", selected).values():
        hour = value // 60
        key = keys.get(hour)
        if key is None:
            key = keys[hour] = bucket(sets.decode_date(hour * 60), filters.period, zone)
        if key in counts:
            counts[key] += 1
    return [
        {"key": key, "label": bucket_label(key, filters.period), "count": count}
        for key, count in counts.items()
    ]


def bucket_label(key: str, period: str) -> str:
    """Short label of a period key: 24.03, "uke 13" (reader's language), 03.2026."""
    if period == "day":
        return f"{key[8:10]}.{key[5:7]}"
    if period == "month":
        return f"{key[5:7]}.{key[:4]}"
    return week_label(int(key.split("-W", 1)[1]))


def answer_metrics(work) -> dict:
    """First-contact rate, answered within the promise, time to answer."""
    fcr = len(sets.both(work, sets.true_rids("solved_first_contact")))
    answered = sets.minutes("answered_date", work)
    answered_rids = IISet(answered.keys())
    created = sets.minutes("created", answered_rids)
    due = sets.minutes("due_date", answered_rids)
    hours = [(answered[rid] - created[rid]) / 60 for rid in answered if rid in created]
    with_due = [rid for rid in answered if rid in due]
    within = sum(1 for rid in with_due if answered[rid] <= due[rid])
    return {
        "base": len(work),
        "fcr": fcr,
        "fcr_rate": ratio(fcr, len(work)),
        "answered": len(answered),
        "with_promise": len(with_due),
        "within_promise": within,
        "within_promise_rate": ratio(within, len(with_due)),
        "median_hours": statistics.median(hours) if hours else None,
        "p90_hours": percentile(hours, 0.9),
    }


def now_metrics(filters: Filters, when: datetime | None = None) -> dict:
    """Open and overdue inquiries right now (the date range does not apply)."""
    moment = when or datetime.now(UTC)
    query = dict(dimension_query(filters), review_state=list(WAITING_STATES))
    open_now = sets.minus(sets.rids(query), sets.true_rids("tally"))
    if filters.dimensions.get("service_level"):
        open_now = with_level(open_now, filters.dimensions["service_level"])
    overdue = sets.rids(
        dict(query, due_date={"query": DateTime(moment.isoformat()), "range": "max"})
    )
    return {"open": len(open_now), "overdue": len(sets.both(open_now, overdue))}


def compute(filters: Filters, when: datetime | None = None) -> dict:
    """The whole report for the filters."""
    selected, work = selection(filters)
    tally = sets.both(selection_all(filters), sets.true_rids("tally"))
    previous_selected, _previous_work = selection(filters.previous())
    total, before = len(selected), len(previous_selected)
    return {
        "filters": filters,
        "total": total,
        "previous_total": before,
        "change": ratio(total - before, before),
        "by_category": grouped("category", selected),
        "by_channel": grouped("channel", selected),
        "by_unit": grouped("unit", selected),
        "by_service_level": grouped("service_level", selected),
        "series": series(filters, selected),
        "previous_series": series(filters.previous(), previous_selected),
        "answers": answer_metrics(work),
        "now": now_metrics(filters, when),
        "tally": {
            "total": len(tally),
            "by_category": grouped("category", tally),
            "by_channel": grouped("channel", tally),
        },
        "generated": (when or datetime.now(UTC)).isoformat(),
    }


def selection_all(filters: Filters):
    """Every inquiry in range and dimensions, tally or not."""
    include = Filters(
        filters.start, filters.end, filters.period, "include", filters.dimensions
    )
    return selection(include)[0]
