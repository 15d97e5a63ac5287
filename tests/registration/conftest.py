"""Fixtures of the registration tests: demo people, a service desk, routing data."""

from plone.app.testing import login
from tests.registration.helpers import make_desk
import pytest


@pytest.fixture
def desk(portal):
    """A service desk in the integration layer; the test runs as the demo agent."""
    desk = make_desk(portal)
    login(portal, "agent")
    return desk
