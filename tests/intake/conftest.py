"""Fixtures of the intake tests."""

from tests.services.helpers import make_desk
import pytest


@pytest.fixture
def desk(portal):
    return make_desk(portal)
