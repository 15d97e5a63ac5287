"""Fixtures of the knowledge tests."""

from tests.knowledge.helpers import make_kb
import pytest


@pytest.fixture
def kb(portal):
    """The knowledge base."""
    return make_kb(portal)
