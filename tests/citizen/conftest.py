"""Fixtures of the citizen-channel tests."""

from collective.servicedesk.citizen import spam
from tests.services.helpers import make_desk
import pytest
import transaction


@pytest.fixture(autouse=True)
def fresh_spam_counters():
    """Every test starts with empty rate limits and no used form stamps."""
    spam.reset()
    yield
    spam.reset()


@pytest.fixture
def desk(portal):
    return make_desk(portal)


@pytest.fixture
def public_desk(functional_portal):
    """The service desk of the functional site, committed."""
    desk = make_desk(functional_portal)
    transaction.commit()
    return desk


@pytest.fixture
def site(request_factory):
    """An anonymous browser-like session on the site (not the REST API)."""
    session = request_factory(api=False)
    session.headers["Accept"] = "text/html"
    return session
