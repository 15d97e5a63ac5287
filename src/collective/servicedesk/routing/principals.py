"""Users and groups as stored in competence profiles ("user:id" / "group:id")."""

from collections.abc import Iterable
from collective.servicedesk.directory import api as directory
from collective.servicedesk.principals import principal_title  # noqa: F401
from plone import api


def split_principal(value: str) -> tuple[str, str]:
    """Return (kind, id) of "user:x", "group:y" or a bare id (looked up)."""
    kind, sep, principal_id = value.partition(":")
    if sep and kind in ("user", "group"):
        return kind, principal_id
    acl = api.portal.get_tool("acl_users")
    return ("group" if acl.getGroupById(value) is not None else "user"), value


def principal_exists(value: str) -> bool:
    """True when the user or group is known to the site."""
    kind, principal_id = split_principal(value)
    acl = api.portal.get_tool("acl_users")
    getter = acl.getGroupById if kind == "group" else acl.getUserById
    return getter(principal_id) is not None


def expand_users(principals: Iterable[str]) -> list[str]:
    """Return the user ids behind users and (nested) groups, first-seen order."""
    acl = api.portal.get_tool("acl_users")
    groups_tool = api.portal.get_tool("portal_groups")
    users: list[str] = []
    seen_groups: set[str] = set()
    todo = [split_principal(value) for value in principals]
    while todo:
        kind, principal_id = todo.pop(0)
        if kind == "group":
            if principal_id in seen_groups:
                continue
            seen_groups.add(principal_id)
            for member in sorted(groups_tool.getGroupMembers(principal_id) or ()):
                is_group = acl.getGroupById(member) is not None
                todo.append(("group" if is_group else "user", member))
            # The unit's directory people (cached, known to exist: no lookup).
            for member in directory.unit_members(principal_id):
                if member not in users:
                    users.append(member)
        elif principal_id not in users and acl.getUserById(principal_id) is not None:
            users.append(principal_id)
    return users
