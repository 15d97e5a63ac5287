"""Fixtures of the workspace tests."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.workspace.presence import board
from collective.servicedesk.workspace.presence import seen
from tests.workspace.helpers import make_desk
from zope.interface import alsoProvides
import pytest


@pytest.fixture(autouse=True)
def clean_memory():
    """Presence kept in process memory must not leak between tests."""
    seen.reset()
    board.clear_cache()
    yield
    seen.reset()
    board.clear_cache()


@pytest.fixture
def desk(portal, http_request):
    alsoProvides(http_request, IServiceDeskLayer)
    return make_desk(portal)
