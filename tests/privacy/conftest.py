"""Fixtures of the privacy tests."""

from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.replies.helpers import make_desk
import pytest


@pytest.fixture
def desk(portal):
    """A service desk in an integration portal; the test user is Manager."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return make_desk(portal)
