"""Names, not ids: people by full name, units by translated title; people search.

``search_people`` is the small function pickers use: it asks PAS for matching
users with a limit and never enumerates every user (LDAP directories are big).
"""

from collective.servicedesk import _
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message

ANONYMOUS = "Anonymous User"
SEARCH_LIMIT = 20


def _memo() -> dict:
    """A per-request memo (names do not change within one page view)."""
    request = getRequest()
    if request is None:
        return {}
    memo = request.other.get("_servicedesk_names")
    if memo is None:
        memo = request.other["_servicedesk_names"] = {}
    return memo


def person_name(user_id: str | None) -> str:
    """A user's full name; the id only if the user is unknown or has no name."""
    if not user_id:
        return ""
    if user_id == ANONYMOUS:
        return translate(_("label_citizen", default="Citizen"), context=getRequest())
    memo = _memo()
    key = ("user", user_id)
    if key not in memo:
        user = api.user.get(userid=user_id)
        memo[key] = (user.getProperty("fullname", "") if user else "") or user_id
    return memo[key]


def unit_title(group_id: str | None) -> str:
    """A group's title, translated (the catalog has the units' titles), else its id."""
    if not group_id:
        return ""
    memo = _memo()
    key = ("group", group_id)
    if key not in memo:
        group = api.group.get(groupname=group_id)
        title = (group.getProperty("title", "") if group else "") or group_id
        memo[key] = translate(
            Message(title, domain="collective.servicedesk"), context=getRequest()
        )
    return memo[key]


def principal_name(principal_id: str | None) -> str:
    """A user's full name or a group's translated title."""
    if not principal_id:
        return ""
    memo = _memo()
    key = ("is_group", principal_id)
    if key not in memo:
        acl = api.portal.get_tool("acl_users")
        memo[key] = acl.getGroupById(principal_id) is not None
    return unit_title(principal_id) if memo[key] else person_name(principal_id)


def search_people(query: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Users whose full name, login or e-mail contains ``query``: [{id, name}].

    PAS plugins (ZODB, LDAP) do the matching; we only ask for ``limit`` hits
    per property and never list all users.
    """
    query = " ".join((query or "").split())[:100]
    if len(query) < 2:
        return []
    acl = api.portal.get_tool("acl_users")
    found: dict[str, str] = {}
    for prop in ("fullname", "login", "email"):
        for hit in acl.searchUsers(**{prop: query}, max_results=limit):
            user_id = hit.get("userid") or hit.get("id")
            if user_id and user_id not in found:
                found[user_id] = person_name(user_id)
        if len(found) >= limit:
            break
    people = [{"id": key, "name": name} for key, name in found.items()]
    people.sort(key=lambda person: person["name"].lower())
    return people[:limit]


def search_units(query: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Groups whose title or id contains ``query``: [{id, name}]."""
    query = " ".join((query or "").split())[:100]
    if len(query) < 2:
        return []
    acl = api.portal.get_tool("acl_users")
    found: dict[str, str] = {}
    for prop in ("title", "id"):
        for hit in acl.searchGroups(**{prop: query}, max_results=limit):
            group_id = hit.get("groupid") or hit.get("id")
            if group_id and group_id not in found:
                found[group_id] = unit_title(group_id)
    units = [{"id": key, "name": name} for key, name in found.items()]
    units.sort(key=lambda unit: unit["name"].lower())
    return units[:limit]
