"""People and groups for the routing tests."""

from plone import api
import pytest

PEOPLE = {
    "anna": "Anna Andersen",
    "bjorn": "Bjørn Berg",
    "carl": "Carl Carlsen",
    "dina": "Dina Dahl",
}
GROUPS = {
    "unit-building": ("Building unit", ["bjorn", "carl"]),
    "unit-outer": ("Outer unit", ["dina"]),
}


@pytest.fixture
def people(portal):
    """Users anna, bjorn, carl, dina; groups unit-building (bjorn, carl) and
    unit-outer (dina + the nested group unit-building)."""
    _create()
    return PEOPLE


def _create() -> None:
    for user_id, fullname in PEOPLE.items():
        api.user.create(
            username=user_id,
            email=f"{user_id}@example.org",
            password="secret-password-123",
            properties={"fullname": fullname},
        )
    for group_id, (title, members) in GROUPS.items():
        api.group.create(groupname=group_id, title=title)
        for user_id in members:
            api.group.add_user(groupname=group_id, username=user_id)
    portal_groups = api.portal.get_tool("portal_groups")
    portal_groups.addPrincipalToGroup("unit-building", "unit-outer")
