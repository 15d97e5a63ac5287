"""Queue summaries for the panels and the dashboard: catalog brains only."""

from collective.servicedesk.queues.queries import WAITING_STATES
from collective.servicedesk.queues.queries import my_open_query
from collective.servicedesk.queues.queries import search
from collective.servicedesk.queues.queries import unit_queue_query
from collective.servicedesk.workspace import bridge
from collective.servicedesk.workspace.dates import iso
from collective.servicedesk.workspace.dates import short
from collective.servicedesk.workspace.dates import to_datetime
from DateTime import DateTime
from datetime import UTC
from datetime import datetime
from plone import api

LEAD_ROLES = ("Service Desk Lead", "Manager", "Site Administrator")


def state_title(state: str) -> str:
    """The (untranslated) title of an inquiry workflow state."""
    workflow = api.portal.get_tool("portal_workflow")
    return workflow.getTitleForStateOnType(state, "Inquiry") or state


def row(brain, now: datetime | None = None) -> dict:
    """One listing row from a brain's metadata (never wakes the object)."""
    due = to_datetime(getattr(brain, "due_date", None))
    return {
        "url": brain.getURL(),
        "title": brain.Title or getattr(brain, "reference_number", "") or brain.getId,
        "reference": getattr(brain, "reference_number", "") or "",
        "state": brain.review_state,
        "state_title": state_title(brain.review_state),
        "category": getattr(brain, "inquiry_category", "") or "",
        "category_title": bridge.category_title(getattr(brain, "inquiry_category", "")),
        "unit": getattr(brain, "responsible_unit", "") or "",
        "due": short(due),
        "due_iso": iso(due),
        "due_state": bridge.due_state(due, now),
    }


def _as_datetime(value: datetime) -> DateTime:
    return DateTime(value.isoformat())


def summarize(query: dict, size: int) -> dict:
    """Count, due-soon/overdue counts and the first `size` rows of a queue.

    The counts are catalog result lengths (no brain is built); the rows come
    earliest due first, topped up with inquiries that have no due date (a sort
    on due_date leaves those out).
    """
    now = datetime.now(UTC)
    unsorted = {k: v for k, v in query.items() if k not in ("sort_on", "sort_order")}
    count = len(search(unsorted))
    overdue = len(
        search(dict(unsorted, due_date={"query": _as_datetime(now), "range": "max"}))
    )
    soon = bridge.due_soon_limit(now)
    due_soon = len(
        search(
            dict(
                unsorted,
                due_date={
                    "query": (_as_datetime(now), _as_datetime(soon)),
                    "range": "min:max",
                },
            )
        )
    )
    rows = []
    if size:
        first = search(
            dict(query, sort_on="due_date", sort_order="ascending", sort_limit=size)
        )
        rows = [row(brain, now) for brain in first[:size]]
        if len(rows) < size and len(rows) < count:
            seen = {r["url"] for r in rows}
            for brain in search(dict(unsorted, sort_on="created", sort_limit=size * 2)):
                if len(rows) >= size:
                    break
                if brain.getURL() not in seen:
                    rows.append(row(brain, now))
    return {"count": count, "rows": rows, "overdue": overdue, "due_soon": due_soon}


def my_queue(user_id: str, size: int = 5) -> dict:
    """Open inquiries of one handler, earliest due first."""
    return summarize(my_open_query(user_id), size)


def user_units(user_id: str) -> list[str]:
    """Group ids of the user: the units whose queue they share."""
    try:
        groups = api.group.get_groups(username=user_id)
    except Exception:  # noqa: BLE001 - an unknown user has no units
        return []
    return [group.getId() for group in groups if group.getId() != "AuthenticatedUsers"]


def is_lead(user=None) -> bool:
    """True for leads and administrators: they see every unit's queue."""
    user = user or api.user.get_current()
    roles = set(api.user.get_roles(user=user))
    return bool(roles & set(LEAD_ROLES))


def unit_queue(user_id: str, size: int = 5, all_units: bool = False) -> dict:
    """Waiting inquiries of the user's units (of every unit for leads)."""
    if all_units:
        query = my_open_query(user_id)
        query.pop("responsible_handler", None)
    else:
        units = user_units(user_id)
        if not units:
            return {"count": 0, "rows": [], "overdue": 0, "due_soon": 0, "units": []}
        query = unit_queue_query(units)
    summary = summarize(query, size)
    summary["units"] = unit_counts(query)
    return summary


def unit_counts(query: dict) -> list[dict]:
    """Waiting and overdue counts per responsible unit (catalog counts only)."""
    catalog = api.portal.get_tool("portal_catalog")
    if "responsible_unit" not in catalog.indexes():
        return []
    query = {k: v for k, v in query.items() if k not in ("sort_on", "sort_order")}
    units = query.get("responsible_unit") or list(
        catalog.uniqueValuesFor("responsible_unit")
    )
    now = {"query": _as_datetime(datetime.now(UTC)), "range": "max"}
    result = []
    for unit in units:
        if not unit:
            continue
        waiting = len(search(dict(query, responsible_unit=unit)))
        if not waiting:
            continue
        overdue = len(search(dict(query, responsible_unit=unit, due_date=now)))
        result.append(
            {
                "unit": unit,
                "title": bridge.group_title(unit),
                "count": waiting,
                "overdue": overdue,
            }
        )
    return sorted(result, key=lambda item: (-item["overdue"], -item["count"]))


def recently_answered(user_id: str, size: int = 10) -> list[dict]:
    """Inquiries the user answered or closed most recently."""
    catalog = api.portal.get_tool("portal_catalog")
    sort_on = "answered_date" if "answered_date" in catalog.indexes() else "modified"
    query = {
        "portal_type": "Inquiry",
        "review_state": ["answered", "closed", "filed"],
        "responsible_handler": user_id,
        "sort_on": sort_on,
        "sort_order": "descending",
        "sort_limit": size,
    }
    return [row(brain) for brain in search(query)[:size]]


__all__ = ["WAITING_STATES", "my_queue", "recently_answered", "unit_queue"]
