"""A mail server that is down loses nothing: the tick retries, nothing goes twice."""

from collective.servicedesk.notifications import notify
from collective.servicedesk.notifications import queue
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.tick import tick
from datetime import timedelta
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.helpers.mail import configure_mailhost
from tests.helpers.notifications import make_user
from tests.helpers.notifications import notice
from tests.helpers.servers import SMTPServer
from tests.helpers.servers import free_port
import pytest
import transaction


@pytest.fixture
def down_portal(functional_portal):
    """A portal whose mail server is not running (yet)."""
    port = free_port()
    configure_mailhost(functional_portal, port)
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    make_user("kari", "nb")
    transaction.commit()
    server = SMTPServer(port)
    yield functional_portal, server
    server.stop()


def run_tick(portal, now):
    transaction.begin()
    result = tick(portal, now)
    transaction.commit()
    assert wait_for_deliveries(20)
    transaction.begin()
    return result


class TestRetry:
    def test_down_then_retried_later_and_sent_once(self, down_portal):
        portal, server = down_portal
        (key,) = notify(["kari"], "assignment", **notice())
        transaction.commit()
        assert wait_for_deliveries(20)
        transaction.begin()
        item = queue.get_item(key)
        assert item["status"] == queue.FAILED
        assert item["attempts"] == 1
        assert "Connection" in item["last_error"] or "refused" in item["last_error"]
        first_retry = item["next_attempt"]

        server.start()
        # Before the back-off has passed, the tick leaves it alone.
        run_tick(portal, queue.utcnow())
        assert server.wait_for(1, timeout=1) == []
        assert queue.get_item(key)["status"] == queue.FAILED

        later = first_retry + timedelta(minutes=1)
        assert run_tick(portal, later)["collective.servicedesk.mail"] == 1
        assert len(server.wait_for(1)) == 1
        item = queue.get_item(key)
        assert item["status"] == queue.SENT
        assert item["attempts"] == 2

        # More ticks: nothing goes out twice.
        run_tick(portal, later + timedelta(hours=1))
        run_tick(portal, later + timedelta(hours=2))
        assert len(server.wait_for(2, timeout=1)) == 1
        assert server.to("kari@demo.kommune.no")[0]["Subject"].endswith(
            "Broken street light"
        )

    def test_failure_is_visible_to_the_sender(self, down_portal):
        portal, server = down_portal
        notify(["kari"], "assignment", **notice())
        transaction.commit()
        assert wait_for_deliveries(20)
        transaction.begin()
        mine = queue.list_items(queue.keys_for("by_sender", TEST_USER_ID))
        assert [item["status"] for item in mine] == [queue.FAILED]


class TestQueueRules:
    def test_backoff_grows_and_is_capped(self):
        assert queue.backoff(1) == timedelta(minutes=5)
        assert queue.backoff(2) == timedelta(minutes=10)
        assert queue.backoff(3) == timedelta(minutes=20)
        assert queue.backoff(20) == timedelta(hours=6)

    def test_claim_once(self, portal):
        make_user("kari", "nb")
        (key,) = notify(["kari"], "assignment", **notice())
        now = queue.utcnow()
        assert queue.claim(key, now)["status"] == queue.SENDING
        # A second worker finds it claimed and leaves it.
        assert queue.claim(key, now) is None
        # A claim left behind by a crashed worker is taken over later.
        assert queue.claim(key, now + queue.STALE_CLAIM) is not None

    def test_gives_up_after_max_attempts(self, portal):
        make_user("kari", "nb")
        (key,) = notify(["kari"], "assignment", **notice())
        now = queue.utcnow()
        for _attempt in range(queue.MAX_ATTEMPTS):
            assert queue.claim(key, now + timedelta(days=1)) is not None
            queue.mark_failed(key, "down", now)
        assert queue.get_item(key)["status"] == queue.GIVEN_UP
        assert key not in queue.due_keys(now + timedelta(days=30))
        # An admin can make it due again.
        assert queue.retry_now(key, now)
        assert key in queue.due_keys(now)

    def test_update_item_in_place(self, portal):
        make_user("kari", "nb")
        (key,) = notify(["kari"], "assignment", **notice())
        assert queue.update_item(key, subject="[removed]", body="[removed]")
        item = queue.get_item(key)
        assert (item["subject"], item["body"]) == ("[removed]", "[removed]")
        assert item["status"] == queue.PENDING
        assert queue.update_item("no-such-key", subject="x") is False
