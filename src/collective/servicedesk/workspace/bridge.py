"""Calls into the other features (categories, deadlines, routing, messages, knowledge).

Each call degrades gracefully when the feature is not installed or not built
yet, so the panels still render; the contract in the developer docs names them.
"""

from collective.servicedesk import _
from collective.servicedesk import logger
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate
import importlib
import time


def _function(module: str, name: str):
    """Return module.name or None when the feature does not provide it."""
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def _request_memo() -> dict | None:
    """A dict that lives as long as the current request (None outside one)."""
    request = getRequest()
    if request is None:
        return None
    memo = getattr(request, "_servicedesk_memo", None)
    if memo is None:
        memo = {}
        try:
            request._servicedesk_memo = memo
        except AttributeError:
            return None
    return memo


def category_title(category_id: str | None) -> str:
    """Title of a category in the current language (the id if unknown).

    Remembered for the rest of the request: the panels show the same few
    categories many times on one page.
    """
    if not category_id:
        return ""
    memo = _request_memo()
    key = ("category_title", category_id)
    if memo is not None and key in memo:
        return memo[key]
    title = _function("collective.servicedesk.categories.storage", "category_title")
    result = title(category_id) if title else category_id
    if memo is not None:
        memo[key] = result
    return result


def list_categories() -> list[dict]:
    """Active categories as [{id, title}] in the admin's order."""
    lister = _function("collective.servicedesk.categories", "list_categories")
    if lister is None:
        return []
    return [
        {"id": record["id"], "title": category_title(record["id"])}
        for record in lister()
    ]


def due_state(due: datetime | None, now: datetime | None = None) -> str:
    """ok, due_soon, overdue or none (deadlines feature; simple fallback)."""
    function = _function("collective.servicedesk.deadlines", "due_state")
    if function is not None:
        return function(due, now)
    if due is None:
        return "none"
    return "overdue" if due <= (now or datetime.now(UTC)) else "ok"


def due_soon_limit(now: datetime) -> datetime:
    """Due dates before this moment are "due soon" (the deadlines' lead time)."""
    compute = _function("collective.servicedesk.deadlines", "compute_due_date")
    setting = _function("collective.servicedesk.deadlines.config", "setting")
    lead = setting("reminder_lead_hours", 4) if setting else 4
    if compute is None:
        return now + timedelta(hours=lead)
    return compute(now, lead)


# Display names for the panels, which every staff page renders: a user
# lookup asks every PAS plugin (LDAP/AD in production), so names are kept
# for a minute per process. Nothing but a display name is cached.
NAME_SECONDS = 60.0
_cache: dict[tuple, tuple[float, object]] = {}


def _for_a_minute(kind: str, principal: str, lookup):
    """``lookup(principal)``, remembered per site for ``NAME_SECONDS``."""
    key = (kind, api.portal.get().getPhysicalPath(), principal)
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    value = lookup(principal)
    if len(_cache) > 10000:
        _cache.clear()
    _cache[key] = (now + NAME_SECONDS, value)
    return value


def clear_names() -> None:
    """Forget the cached display names and groups (tests, after renaming someone)."""
    _cache.clear()


def _groups_of(user_id: str) -> tuple[str, ...]:
    try:
        return tuple(g.getId() for g in api.group.get_groups(username=user_id))
    except Exception:  # noqa: BLE001 - an unknown user has no groups
        return ()


def user_groups(user_id: str) -> list[str]:
    """Group ids of a user (their units), kept for a minute like the names."""
    return list(_for_a_minute("groups", user_id, _groups_of)) if user_id else []


def _group_title(group_id: str) -> str:
    group = api.group.get(groupname=group_id)
    return (group.getProperty("title") or group_id) if group else group_id


def _user_fullname(user_id: str) -> str:
    user = api.user.get(userid=user_id)
    return (user.getProperty("fullname") or user_id) if user else user_id


def group_title(group_id: str) -> str:
    """A group's title, or its id."""
    return _for_a_minute("group", group_id, _group_title) if group_id else ""


def user_fullname(user_id: str) -> str:
    """A user's full name, or their id."""
    return _for_a_minute("user", user_id, _user_fullname) if user_id else ""


def principal_title(principal: str) -> str:
    """A user's full name or a group's title (roster entries may name a group)."""
    function = _function("collective.servicedesk.routing.principals", "principal_title")
    return function(principal) if function else user_fullname(principal)


def duties_now(when: datetime | None = None) -> list[dict]:
    """Duty periods running now: [{user, categories, end}] (routing roster)."""
    lister = _function("collective.servicedesk.routing.roster", "list_periods")
    if lister is None:
        return []
    moment = when or datetime.now(UTC)
    return [
        period
        for period in lister(moment, moment + timedelta(seconds=1))
        if period["start"] <= moment < period["end"]
    ]


def duty_periods(start: datetime, end: datetime) -> list[dict]:
    """Duty periods overlapping [start, end)."""
    lister = _function("collective.servicedesk.routing.roster", "list_periods")
    return lister(start, end) if lister else []


def expand_users(principals) -> list[str]:
    """User ids behind users and groups."""
    expand = _function("collective.servicedesk.routing.principals", "expand_users")
    if expand is None:
        return [p.split(":", 1)[-1] for p in principals]
    return expand(principals)


def competence() -> dict[str, list[str]]:
    """{category id: principals ("user:x", "group:y")} of the competence profiles."""
    reader = _function("collective.servicedesk.routing.competence", "all_competence")
    return reader() if reader else {}


def has_message_box() -> bool:
    """True when the follow-up feature's message box is installed."""
    return _function("collective.servicedesk.messages", "unread_count") is not None


def unread_count(user_id: str) -> int | None:
    """Unread messages in the user's message box; None without a message box."""
    function = _function("collective.servicedesk.messages", "unread_count")
    if function is None:
        return None
    try:
        return int(function(user_id))
    except Exception:  # noqa: BLE001 - a broken box must not break every page
        logger.exception("unread_count failed for %s", user_id)
        return None


def recent_messages(user_id: str, limit: int = 5) -> list[dict]:
    """Newest entries of the user's message box: [{subject, url, date, read}]."""
    function = _function("collective.servicedesk.messages.box", "entries")
    if function is None or not user_id:
        return []
    from collective.servicedesk.links import rebase
    from collective.servicedesk.workspace.dates import short

    return [
        {
            "subject": entry.get("subject") or "",
            "url": rebase(entry.get("url")) or message_box_url(),
            "date": short(entry.get("created")),
            "read": bool(entry.get("read")),
        }
        for entry in function(user_id)[:limit]
    ]


def message_box_url() -> str:
    """URL of the message box page."""
    return f"{api.portal.get().absolute_url()}/@@message-box"


def _desk_brain():
    brains = api.content.find(portal_type="ServiceDesk", sort_on="path", sort_limit=1)
    return brains[0] if brains else None


def service_desk():
    """The service desk the current user registers in (the first one found)."""
    brain = _desk_brain()
    return brain.getObject() if brain is not None else None


def service_desk_url() -> str:
    """URL of that service desk (no object loaded), or ''."""
    brain = _desk_brain()
    return brain.getURL() if brain is not None else ""


def register(desk, data: dict, user_id: str):
    """Register and route; an inquiry nobody was found for stays with its registrar."""
    from collective.servicedesk.content.assignment import assign
    from collective.servicedesk.registration.service import register as do_register

    inquiry = do_register(desk, data)
    state = inquiry.__dict__
    if not state.get("responsible_handler") and not state.get("responsible_unit"):
        reason = translate(
            _(
                "history_quick_unrouted",
                default="Registered from the quick bar; no unit or handler is "
                "set up for this category, so it stays with the registrar.",
            ),
            context=getRequest(),
        )
        assign(inquiry, handler=user_id, reason=reason)
    return inquiry


def register_and_close(desk, data: dict, answer: str):
    """Register an inquiry already solved on first contact."""
    from collective.servicedesk.registration.service import register_and_close as do

    return do(desk, data, answer)


def close_on_first_contact(inquiry, answer: str) -> None:
    """Record the answer and close the inquiry through the workflow."""
    from collective.servicedesk.registration.service import close_on_first_contact as do

    do(inquiry, answer)
