"""Names of users and groups, as people read them: one rule for the whole package.

A principal is written ``"user:id"``, ``"group:id"`` or as a bare id. A bare id
is a user when a user has it, else a group (handlers are named far more often
than units, and a user wins a clash of ids, as in PAS's own look-ups). A user
reads as the full name, a group as its title; either falls back to the id, and
no principal reads as "". Names are looked up once per request (plone.memoize,
in the request's annotations): a listing names the same people on many rows,
and with the directory behind PAS each look-up can be a query.
"""

from plone import api
from plone.memoize.request import RequestMemo
from zope.globalrequest import getRequest

# One look-up per request, keyed by the site too (a request may visit two sites).
_per_request = RequestMemo(arg=0)


def _site_key() -> str:
    return "/".join(api.portal.get().getPhysicalPath())


def _user(user_id: str):
    return api.user.get(userid=user_id)


def _group(group_id: str):
    return api.group.get(groupname=group_id)


def _title(kind: str, principal_id: str) -> str:
    if kind in ("", "user"):
        user = _user(principal_id)
        if user is not None:
            return user.getProperty("fullname", "") or principal_id
        if kind == "user":
            return principal_id
    group = _group(principal_id)
    if group is not None:
        return group.getProperty("title", "") or principal_id
    return principal_id


@_per_request
def _cached_title(request, site: str, kind: str, principal_id: str) -> str:
    return _title(kind, principal_id)


def _lookup(kind: str, principal_id: str) -> str:
    if not principal_id:
        return ""
    request = getRequest()
    if request is None:  # a script or thread without a request: no cache
        return _title(kind, principal_id)
    return _cached_title(request, _site_key(), kind, principal_id)


def principal_title(value: str | None) -> str:
    """A user's full name or a group's title ("user:x", "group:y" or a bare id)."""
    kind, sep, principal_id = (value or "").partition(":")
    if sep and kind in ("user", "group"):
        return _lookup(kind, principal_id)
    return _lookup("", value or "")


def user_title(user_id: str | None) -> str:
    """A user's full name, else the id ("" for no user)."""
    return _lookup("user", user_id or "")


def group_title(group_id: str | None) -> str:
    """A group's title, else the id ("" for no group)."""
    return _lookup("group", group_id or "")
