"""A real OpenLDAP slapd with an AD-like tree for the directory tests.

The server is started once per test session in a temporary directory on a
free port (5 000 users, 300 groups, nested groups, the memberof overlay,
Norwegian letters, disabled accounts); see collective.servicedesk.directory.slapd.
"""

from collective.servicedesk.directory import client
from collective.servicedesk.directory import offline
from collective.servicedesk.directory import people
from collective.servicedesk.directory import setup
from collective.servicedesk.directory import slapd as tree
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest
import shutil

pytestmark = pytest.mark.skipif(
    shutil.which("slapd") is None, reason="Debian's slapd is not installed"
)

UNITS = {
    "unit-frontdesk": ("Servicetorget", ["Service Desk Agent"]),
    "unit-building": ("Byggesak", ["Case Handler"]),
    "unit-editors": ("Redaktører", ["Knowledge Editor"]),
}
MAPPING = [
    f"cn=sd-frontdesk,{tree.GROUPS_DN} | unit-frontdesk |",
    f"cn=sd-building,{tree.GROUPS_DN} | unit-building |",
    f"cn=sd-editors,{tree.GROUPS_DN} | unit-editors |",
    f"cn=sd-leads,{tree.GROUPS_DN} | | Service Desk Lead",
]


@pytest.fixture(scope="session")
def slapd():
    server = tree.Slapd(users=5000, groups=300)
    server.start()
    yield server
    server.cleanup()


def connect_site(portal, server) -> None:
    """Connect the site to the test directory, with units and the mapping."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    setup.connect(
        uri=server.uri,
        bind_dn=tree.SERVICE_DN,
        password=tree.SERVICE_PASSWORD,
        users_base=tree.USERS_DN,
        groups_base=tree.GROUPS_DN,
    )
    for group_id, (title, roles) in UNITS.items():
        if api.group.get(groupname=group_id) is None:
            api.group.create(groupname=group_id, title=title, roles=roles)
    api.portal.set_registry_record("collective.servicedesk.directory.mapping", MAPPING)
    people.clear()


def _reset() -> None:
    client.forget_config()
    people.clear()
    offline.clear()
    client.mark_up()


@pytest.fixture
def directory(portal, slapd):
    """An integration site connected to the running test directory."""
    _reset()
    connect_site(portal, slapd)
    yield slapd
    _reset()


@pytest.fixture
def functional_directory(functional_portal, slapd):
    """A functional site (real HTTP) connected to the test directory."""
    import transaction

    _reset()
    connect_site(functional_portal, slapd)
    transaction.commit()
    yield slapd
    _reset()
