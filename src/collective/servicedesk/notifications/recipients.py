"""Turn user and group ids into the users to notify."""

from collective.servicedesk.directory import api as directory
from collective.servicedesk.principals import principal_title  # noqa: F401
from collective.servicedesk.principals import user_title as display_name  # noqa: F401
from plone import api


def _group_members(group_id: str, seen: set) -> list:
    """Return the users of a group, following nested groups once."""
    if group_id in seen:
        return []
    seen.add(group_id)
    group = api.group.get(groupname=group_id)
    if group is None:
        return []
    users = []
    for member in group.getGroupMembers():
        is_group = getattr(member, "isGroup", None)
        if is_group is not None and is_group():
            users.extend(_group_members(member.getId(), seen))
        else:
            users.append(member)
    # The unit's directory people (their e-mail comes from the directory).
    for user_id in directory.unit_members(group_id):
        user = api.user.get(userid=user_id)
        if user is not None:
            users.append(user)
    return users


def expand(principal_ids: list[str] | tuple[str, ...] | str, exclude=()) -> list:
    """Return the member objects of user ids and group members (once each)."""
    if isinstance(principal_ids, str):
        principal_ids = [principal_ids]
    users, seen_groups, result = [], set(), []
    for principal_id in principal_ids or ():
        if not principal_id:
            continue
        user = api.user.get(userid=principal_id)
        if user is not None:
            users.append(user)
        else:
            users.extend(_group_members(principal_id, seen_groups))
    seen_users = set(exclude or ())
    for user in users:
        if user.getId() not in seen_users:
            seen_users.add(user.getId())
            result.append(user)
    return result


def principals_with_role(role: str) -> list[str]:
    """Return the user and group ids that hold `role` globally."""
    # No lookup per role holder (listAssignedPrincipals searches each one in
    # every PAS plugin); directory people given the role by a mapped group too.
    return directory.role_holders(role) + sorted(directory.role_members(role))
