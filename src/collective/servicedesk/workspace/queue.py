"""Queue summaries for the panels and the dashboard: catalog brains only."""

from collective.servicedesk import catalogaccess
from collective.servicedesk.catalogaccess import result_rids
from collective.servicedesk.dates import iso
from collective.servicedesk.dates import short
from collective.servicedesk.dates import to_datetime
from collective.servicedesk.queues.queries import WAITING_STATES
from collective.servicedesk.queues.queries import my_open_query
from collective.servicedesk.queues.queries import search
from collective.servicedesk.queues.queries import unit_queue_query
from collective.servicedesk.workspace import bridge
from datetime import UTC
from datetime import datetime
from plone import api
from plone.memoize import ram
import time

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


def queue_rids(query: dict) -> list[int]:
    """Record ids of a queue query, with the user's permissions (no brain built)."""
    unsorted = {k: v for k, v in query.items() if k not in ("sort_on", "sort_order")}
    return result_rids(search(unsorted))


def _index_values(name: str):
    """`rid -> value` lookup of a catalog index (None where it has no value)."""
    return catalogaccess.rid_values(name), catalogaccess.get_index(name)


def _brains(rids: list[int]) -> list:
    return catalogaccess.brains(rids)


def summarize(query: dict, size: int, rids: list[int] | None = None) -> dict:
    """Count, due-soon/overdue counts and the first `size` rows of a queue.

    One catalog evaluation: the counts come from the due date index's values
    of the queue's records, and only the `size` shown rows become brains.
    Rows come earliest due first, topped up with inquiries that have no due
    date, oldest first.
    """
    now = datetime.now(UTC)
    rids = queue_rids(query) if rids is None else rids
    due_of, due_index = _index_values("due_date")
    if due_index is None:
        dues = [(None, rid) for rid in rids]
        now_key = soon_key = None
    else:
        now_key = catalogaccess.date_key("due_date", now)
        soon_key = catalogaccess.date_key("due_date", bridge.due_soon_limit(now))
        dues = [(due_of(rid), rid) for rid in rids]
    dated = sorted((due, rid) for due, rid in dues if due is not None)
    overdue = sum(1 for due, _rid in dated if due <= now_key)
    due_soon = sum(1 for due, _rid in dated if now_key <= due <= soon_key)
    shown = [rid for _due, rid in dated[:size]]
    if len(shown) < size:
        created_of, _index = _index_values("created")
        undated = sorted(
            (created_of(rid) or 0, rid) for due, rid in dues if due is None
        )
        shown += [rid for _created, rid in undated[: size - len(shown)]]
    rows = [row(brain, now) for brain in _brains(shown)] if size else []
    return {"count": len(rids), "rows": rows, "overdue": overdue, "due_soon": due_soon}


def _queue_key(function, user_id: str, size: int = 5, all_units: bool = False):
    """Cache key of a user's queue summary (issue 19).

    It changes whenever the catalogue changes (its counter grows with every
    index operation, in every instance of the cluster) and every minute (the
    due-soon and overdue counts move with the clock; group membership is not
    in the catalogue). Per site and user: results follow the user's rights.
    """
    catalog = api.portal.get_tool("portal_catalog")
    return (
        function.__name__,
        "/".join(api.portal.get().getPhysicalPath()),
        user_id,
        size,
        all_units,
        catalog.getCounter(),
        int(time.time() // 60),
    )


# The summaries are shared between requests: callers read them, never change them.
@ram.cache(_queue_key)
def my_queue(user_id: str, size: int = 5) -> dict:
    """Open inquiries of one handler, earliest due first."""
    return summarize(my_open_query(user_id), size)


def user_units(user_id: str) -> list[str]:
    """Group ids of the user: the units whose queue they share."""
    return [g for g in bridge.user_groups(user_id) if g != "AuthenticatedUsers"]


def is_lead(user=None) -> bool:
    """True for leads and administrators: they see every unit's queue."""
    user = user or api.user.get_current()
    return _has_lead_role(user.getId(), user)


def _lead_key(function, user_id: str, user) -> tuple:
    # Global roles (with the groups') are not in the catalogue: a minute's delay.
    site = "/".join(api.portal.get().getPhysicalPath())
    return (site, user_id, int(time.time() // 60))


@ram.cache(_lead_key)
def _has_lead_role(user_id: str, user) -> bool:
    # Computing a user's roles through PAS was the queue panel's largest cost
    # per page (1.2 ms of about 5 ms, profiled in-process; issue 19).
    return bool(set(api.user.get_roles(user=user)) & set(LEAD_ROLES))


@ram.cache(_queue_key)
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
    rids = queue_rids(query)
    summary = summarize(query, size, rids)
    summary["units"] = unit_counts(query, rids)
    return summary


def unit_counts(query: dict, rids: list[int] | None = None) -> list[dict]:
    """Waiting and overdue counts per responsible unit (index values only)."""
    unit_of, unit_index = _index_values("responsible_unit")
    if unit_index is None:
        return []
    rids = queue_rids(query) if rids is None else rids
    due_of, due_index = _index_values("due_date")
    now_key = catalogaccess.date_key("due_date", datetime.now(UTC))
    counts: dict[str, list[int]] = {}
    for rid in rids:
        unit = unit_of(rid)
        if not unit:
            continue
        entry = counts.setdefault(unit, [0, 0])
        entry[0] += 1
        due = due_of(rid)
        if due is not None and now_key is not None and due <= now_key:
            entry[1] += 1
    result = [
        {
            "unit": unit,
            "title": bridge.group_title(unit),
            "count": waiting,
            "overdue": overdue,
        }
        for unit, (waiting, overdue) in counts.items()
    ]
    return sorted(result, key=lambda item: (-item["overdue"], -item["count"]))


def recently_answered(user_id: str, size: int = 10) -> list[dict]:
    """Inquiries the user answered or closed most recently.

    The one who answers is often not the responsible handler (the front desk
    answers and closes what it registered), so inquiries the user registered
    count as well as those they are responsible for.
    """
    catalog = api.portal.get_tool("portal_catalog")
    sort_on = "answered_date" if "answered_date" in catalog.indexes() else "modified"
    base = {
        "portal_type": "Inquiry",
        "review_state": ["answered", "closed", "filed"],
        "sort_on": sort_on,
        "sort_order": "descending",
        "sort_limit": size,
    }
    brains: dict = {}
    for key in ("responsible_handler", "Creator"):
        for brain in search({**base, key: user_id})[:size]:
            brains.setdefault(brain.getPath(), brain)

    def newest(brain) -> object:
        value = getattr(brain, sort_on, None)
        return value if value is not None else brain.modified

    ordered = sorted(brains.values(), key=newest, reverse=True)[:size]
    return [row(brain) for brain in ordered]


__all__ = ["WAITING_STATES", "my_queue", "recently_answered", "unit_queue"]
