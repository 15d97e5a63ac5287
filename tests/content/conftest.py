"""Fixtures of the content tests."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest


@pytest.fixture
def desk(portal):
    """A service desk, created as Manager."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return api.content.create(
        container=portal, type="ServiceDesk", id="service-desk", title="Service desk"
    )


@pytest.fixture
def inquiry(desk):
    """An inquiry with a summary."""
    return api.content.create(
        container=desk, type="Inquiry", title="Where do I apply for a permit?"
    )
