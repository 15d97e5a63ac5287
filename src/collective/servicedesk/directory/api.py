"""What routing, the panels and notices ask about staff, without a call per row.

All of it works without a directory (then it only knows Plone's own users
and groups) and while the directory is down (then it answers from the cache
or with nothing, never with an error).
"""

from collective.servicedesk.directory import client
from collective.servicedesk.directory import mapping
from collective.servicedesk.directory import people
from plone import api


def role_holders(role: str) -> list[str]:
    """User and group ids that hold ``role`` globally in Plone's role manager.

    Unlike ``listAssignedPrincipals`` this reads the role manager's own map and
    looks nobody up (that method searches every principal in every PAS plugin,
    which is a directory search per role holder).
    """
    manager = api.portal.get_tool("acl_users").portal_role_manager
    assigned = getattr(manager, "_principal_roles", {})
    return sorted(pid for pid, roles in assigned.items() if role in roles)


def _safe(function, *args, default):
    if client.config() is None:
        return default
    try:
        return function(*args)
    except client.DirectoryUnavailable:
        return default


def unit_members(unit_id: str) -> dict[str, str]:
    """{user id: full name} of the directory people of a unit (cached)."""
    found = _safe(mapping.unit_members, unit_id, default=[])
    return {p["id"]: p["fullname"] for p in found}


def role_members(role: str) -> dict[str, str]:
    """{user id: full name} of directory people a mapped group gives ``role``."""
    result: dict[str, str] = {}
    if client.config() is None:
        return result
    for row in mapping.rows():
        if role in row.roles:
            for profile in _safe(people.group_members, row.group, default=[]):
                result.setdefault(profile["id"], profile["fullname"])
    return result


def mapped_units() -> set[str]:
    """Units (Plone group ids) that directory groups feed."""
    return mapping.mapped_units() if client.config() is not None else set()


def profile(user_id: str) -> dict | None:
    """Name, e-mail, phone, department and title of a directory user (cached)."""
    return _safe(people.user, user_id, default=None)


def cached_profile(user_id: str) -> dict:
    """Phone and department of a person the cache knows, else empty strings.

    For rows of panels: never a directory call (people who use the site are
    cached by their own requests).
    """
    found = people.peek(user_id) or {}
    return {"phone": found.get("phone", ""), "department": found.get("department", "")}
