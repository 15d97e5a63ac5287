"""Fixtures of the tick tests: a real SMTP server, users, a unit and an inquiry."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.helpers.mail import configure_mailhost
from tests.tick.helpers import DUE
from tests.tick.helpers import add_user
import pytest
import transaction


@pytest.fixture
def site(functional_portal, smtp):
    """Unit with a handler, a leads group with the lead role, a desk."""
    portal = functional_portal
    configure_mailhost(portal, smtp.port)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.group.create(groupname="unit-building", title="Building")
    api.group.create(groupname="unit-leads", title="Leads")
    api.group.grant_roles(groupname="unit-leads", roles=["Service Desk Lead"])
    add_user("handler", ["unit-building"])
    add_user("lead", ["unit-leads"], language="en")
    api.content.create(container=portal, type="ServiceDesk", id="service-desk")
    transaction.commit()
    return portal


@pytest.fixture
def inquiry(site):
    """An open inquiry of the handler in the unit, due Monday 12:00."""
    obj = api.content.create(
        container=site["service-desk"],
        type="Inquiry",
        title="Street light broken",
        responsible_handler="handler",
        responsible_unit="unit-building",
        due_date=DUE,
    )
    transaction.commit()
    return obj
