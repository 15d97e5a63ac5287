"""Availability (persistent, POST) and "last seen" (Redis or memory, not the ZODB)."""

from collective.servicedesk.directory.availability import get_status
from collective.servicedesk.directory.availability import set_status
from collective.servicedesk.workspace.presence import board
from collective.servicedesk.workspace.presence import seen
from plone import api
from plone.app.testing import login
from tests.workspace.helpers import call
import pytest
import redis
import socket
import time
import uuid

REDIS = "redis://127.0.0.1:6379/0"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def shared_redis():
    """The real Redis on 127.0.0.1:6379 (CI starts it; its absence is a failure)."""
    client = redis.Redis.from_url(REDIS, decode_responses=True)
    assert client.ping()
    yield client
    client.close()


class TestAvailability:
    @pytest.mark.parametrize("status", ["available", "busy", "away", "absent"])
    def test_set_by_post(self, portal, http_request, desk, status):
        login(portal, "agent")
        code, body = call(
            portal, http_request, "servicedesk-availability", status=status
        )
        assert code == 200
        assert body["status"] == status
        assert get_status("agent")["status"] == status

    def test_unknown_status(self, portal, http_request, desk):
        login(portal, "agent")
        code, body = call(
            portal, http_request, "servicedesk-availability", status="asleep"
        )
        assert code == 400
        assert body["errors"]["status"] == "Unknown status."
        assert get_status("agent") is None

    def test_get_changes_nothing(self, portal, http_request, desk):
        login(portal, "agent")
        code, _body = call(
            portal,
            http_request,
            "servicedesk-availability",
            method="GET",
            status="busy",
        )
        assert code == 405
        assert get_status("agent") is None

    def test_only_oneself(self, portal, http_request, desk):
        login(portal, "agent")
        call(
            portal,
            http_request,
            "servicedesk-availability",
            status="busy",
            user="handler",
        )
        assert get_status("handler") is None
        assert get_status("agent")["status"] == "busy"

    def test_others_see_it(self, portal, desk):
        set_status("handler", "absent", note="Kurs")
        login(portal, "agent")
        people = {p["id"]: p for p in board.colleagues("agent")}
        assert people["handler"]["status"] == "absent"
        assert people["handler"]["note"] == "Kurs"


class TestSeenInMemory:
    def test_touch_and_online_window(self, portal, desk):
        now = time.time()
        seen.touch("agent", "Kari Nordmann", when=now)
        seen.touch("handler", "Per Byggmester", when=now - 3600)
        people = {p["id"]: p for p in board.colleagues("")}
        assert people["agent"]["online"] is True
        assert people["agent"]["name"] == "Kari Nordmann"
        assert people["handler"]["online"] is False
        assert people["handler"]["last_seen"]
        assert seen.backend() == "memory"

    def test_throttled(self, portal, desk):
        seen.touch("agent", "Kari", when=1000.0)
        seen.touch("agent", "Kari", when=1010.0)
        assert seen._memory[seen._site_key()]["agent"][0] == 1000.0

    def test_page_view_marks_me_seen(self, portal, http_request, desk):
        from tests.workspace.pages import render

        login(portal, "agent")
        render(portal, http_request, "plone.htmlhead")
        assert "agent" in seen.seen()


class TestSeenInRedis:
    def test_shared_through_redis(self, portal, desk, shared_redis):
        api.portal.set_registry_record(
            "collective.servicedesk.workspace.redis_url", REDIS
        )
        user = f"user-{uuid.uuid4().hex[:8]}"
        seen.touch(user, "Redis Person")
        assert seen.backend() == "redis"
        # Another process knows nothing in memory but reads Redis.
        seen._memory.clear()
        assert seen.seen()[user][1] == "Redis Person"
        key = f"collective.servicedesk:seen:{seen._site_key()}"
        assert "Redis Person" in shared_redis.hget(key, user)
        assert 0 < shared_redis.ttl(key) <= seen.MAX_AGE
        shared_redis.hdel(key, user)

    def test_falls_back_to_memory_when_redis_is_down(self, portal, desk):
        api.portal.set_registry_record(
            "collective.servicedesk.workspace.redis_url",
            f"redis://127.0.0.1:{free_port()}/0",
        )
        seen.touch("agent", "Kari")
        assert "agent" in seen.seen()
        assert seen.backend() == "memory"
