"""Fixtures of the deadline tests: a service desk and a category with a promise."""

from collective.servicedesk.categories.storage import add_category
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest


@pytest.fixture
def desk(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    add_category("street-lights", "Gatelys", promise_hours=4)
    return api.content.create(
        container=portal, type="ServiceDesk", id="service-desk", title="Service desk"
    )
