"""Fixtures of the intake tests."""

from collective.servicedesk.intake import imap
from tests.services.helpers import make_desk
import pytest


@pytest.fixture
def desk(portal):
    return make_desk(portal)


class NoTransaction:
    """The integration layer aborts at the end; the poller's commits are no-ops."""

    def __init__(self):
        self.commits = self.aborts = 0

    def commit(self):
        self.commits += 1

    def abort(self):
        self.aborts += 1


@pytest.fixture
def tm(monkeypatch):
    """The poller's transaction commits and aborts are counted, not done."""
    fake = NoTransaction()
    monkeypatch.setattr(imap, "transaction", fake)
    return fake
