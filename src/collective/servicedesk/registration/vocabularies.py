"""Units and handlers an agent can route an inquiry to."""

from collective.servicedesk.directory import api as directory
from plone import api
from plone.memoize import ram
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
import time

# Global roles that make a group a unit and a user a possible handler.
ROUTING_ROLES = ("Case Handler", "Service Desk Agent", "Service Desk Lead")


def _minute_key(_function) -> tuple:
    # Role holders and group members are not in the catalogue: a change shows
    # within a minute. Every unit-queue page asked PAS for all of them
    # (about a third of the page, profiled in-process; issue 19).
    return (api.portal.get().getPhysicalPath(), int(time.time() // 60))


# Shared between requests: callers read the dicts, never change them.
@ram.cache(_minute_key)
def _role_principals() -> tuple[dict[str, str], dict[str, str]]:
    """Return ({group id: title}, {user id: full name}) holding a routing role.

    Group-based and cached: role holders come from the role manager's own map
    (no lookup per holder), a unit's people from its Plone members plus its
    directory groups (cached by the directory feature, never one call per
    person).
    """
    acl = api.portal.get_tool("acl_users")
    groups: dict[str, str] = {}
    users: dict[str, str] = {}
    for role in ROUTING_ROLES:
        for principal_id in directory.role_holders(role):
            group = acl.getGroupById(principal_id)
            if group is not None:
                groups[principal_id] = group.getProperty("title") or principal_id
                for member in group.getGroupMembers():
                    if acl.getGroupById(member.getId()) is None:
                        users[member.getId()] = (
                            member.getProperty("fullname") or member.getId()
                        )
                users.update(directory.unit_members(principal_id))
            else:
                user = acl.getUserById(principal_id)
                if user is not None:
                    users[principal_id] = user.getProperty("fullname") or principal_id
        users.update(directory.role_members(role))
    return groups, users


def _vocabulary(items: dict[str, str], current: str | None) -> SimpleVocabulary:
    if current and current not in items:
        items = {**items, current: current}
    ordered = sorted(items.items(), key=lambda pair: pair[1].lower())
    return SimpleVocabulary(
        [SimpleTerm(value=key, token=key, title=title) for key, title in ordered]
    )


@provider(IVocabularyFactory)
def units(context=None) -> SimpleVocabulary:
    """Groups with a service desk role, titled by their group title."""
    current = getattr(context, "responsible_unit", None)
    return _vocabulary(
        _role_principals()[0], current if isinstance(current, str) else None
    )


@provider(IVocabularyFactory)
def handlers(context=None) -> SimpleVocabulary:
    """Users with a service desk role (directly or through a group), by full name."""
    current = getattr(context, "responsible_handler", None)
    return _vocabulary(
        _role_principals()[1], current if isinstance(current, str) else None
    )
