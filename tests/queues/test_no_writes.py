"""Pages that only show something never write to the ZODB (no conflicts on reads)."""

from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD
from plone.testing.zope import Browser
from tests.queues.conftest import fill_desk
from tests.registration.helpers import make_desk
import pytest
import transaction

PAGES = [
    "@@inquiries",
    "@@inquiries?overdue=1&text=Garasje&b_size=2",
    "@@my-inquiries",
    "@@unit-queue",
    "@@overdue-inquiries",
    "@@register",
    "@@tally",
    "@@routing-suggestion?category=building-permits",
]


@pytest.fixture
def desk(functional_portal):
    desk = make_desk(functional_portal)
    fill_desk(desk)
    transaction.commit()
    # Notification e-mails are sent by a worker thread that records the outcome
    # in its own transactions: let it finish before measuring.
    wait_for_deliveries()
    return desk


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("user", ["agent", "handler"])
def test_get_commits_nothing(functional_app, desk, page, user):
    db = desk._p_jar.db()
    browser = Browser(functional_app)
    browser.addHeader("Authorization", f"Basic {user}:{DEMO_PASSWORD}")
    # Plone writes its portlet settings on the first page rendered in a
    # context of a fresh site: render a page that is not ours first.
    browser.open(f"{desk.absolute_url()}/@@view")
    before = db.lastTransaction()
    browser.open(f"{desk.absolute_url()}/{page}")
    assert browser.headers["status"].startswith("200")
    assert db.lastTransaction() == before
