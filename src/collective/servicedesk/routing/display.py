"""Titles and names for display: categories, groups, users and duty periods.

Shared by the workspace panels, the statistics and the calendar feeds (it sits
below all three, so none of them imports another). A user or group lookup asks
every PAS plugin (LDAP/AD in production) and the panels render on every staff
page, so display names and groups are kept per process for the current minute
(``plone.memoize`` RAM cache, keyed by site, principal and minute); category
titles for the rest of the request (they are translated).
"""

from collective.servicedesk.categories.storage import category_title as _title_of
from collective.servicedesk.categories.storage import list_categories as _categories
from collective.servicedesk.routing.principals import principal_title
from collective.servicedesk.routing.roster import list_periods
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.memoize import ram
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.ramcache.interfaces.ram import IRAMCache
import time

__all__ = [
    "category_title",
    "clear_names",
    "duties_now",
    "duty_periods",
    "group_title",
    "list_categories",
    "principal_title",
    "user_fullname",
    "user_groups",
]

# How long a display name or a user's groups are kept (one time bucket).
NAME_SECONDS = 60


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
    result = _title_of(category_id)
    if memo is not None:
        memo[key] = result
    return result


def list_categories() -> list[dict]:
    """Active categories as [{id, title}] in the admin's order."""
    return [
        {"id": record["id"], "title": category_title(record["id"])}
        for record in _categories()
    ]


def _bucket() -> int:
    """The current time bucket: a new one starts every ``NAME_SECONDS``."""
    return int(time.time() // NAME_SECONDS)


def _minute_key(_function, principal: str) -> tuple:
    """Site, principal and time bucket: an entry lives at most ``NAME_SECONDS``."""
    site = api.portal.get().getPhysicalPath()
    return (site, principal, _bucket())


@ram.cache(_minute_key)
def _groups_of(user_id: str) -> tuple[str, ...]:
    try:
        return tuple(g.getId() for g in api.group.get_groups(username=user_id))
    except Exception:  # noqa: BLE001 - an unknown user has no groups
        return ()


@ram.cache(_minute_key)
def _group_title(group_id: str) -> str:
    group = api.group.get(groupname=group_id)
    return (group.getProperty("title") or group_id) if group else group_id


@ram.cache(_minute_key)
def _user_fullname(user_id: str) -> str:
    user = api.user.get(userid=user_id)
    return (user.getProperty("fullname") or user_id) if user else user_id


_CACHED = (_groups_of, _group_title, _user_fullname)


def clear_names() -> None:
    """Forget the cached display names and groups (tests, after renaming someone)."""
    caches = {id(ram.global_cache): ram.global_cache}
    utility = queryUtility(IRAMCache)
    if utility is not None:
        caches[id(utility)] = utility
    for function in _CACHED:
        # plone.memoize files each function's entries under its dotted name.
        name = f"{__name__}.{function.__wrapped__.__name__}"
        for cache in caches.values():
            cache.invalidate(name)


def user_groups(user_id: str) -> list[str]:
    """Group ids of a user (their units), kept for a minute like the names."""
    return list(_groups_of(user_id)) if user_id else []


def group_title(group_id: str) -> str:
    """A group's title, or its id."""
    return _group_title(group_id) if group_id else ""


def user_fullname(user_id: str) -> str:
    """A user's full name, or their id."""
    return _user_fullname(user_id) if user_id else ""


def duties_now(when: datetime | None = None) -> list[dict]:
    """Duty periods running now: [{user, categories, end}] (routing roster)."""
    moment = when or datetime.now(UTC)
    return [
        period
        for period in list_periods(moment, moment + timedelta(seconds=1))
        if period["start"] <= moment < period["end"]
    ]


def duty_periods(start: datetime, end: datetime) -> list[dict]:
    """Duty periods overlapping [start, end)."""
    return list_periods(start, end)
