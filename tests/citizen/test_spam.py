"""Spam protection: signed time stamps and rate limits, in memory and in Redis."""

from collective.servicedesk import redisclient
from collective.servicedesk.citizen import spam
from limits.storage import RedisStorage
from limits.strategies import MovingWindowRateLimiter
from plone import api
import pytest
import redis
import socket
import time
import uuid


class TestTimeTrap:
    def test_good_stamp(self, portal):
        assert spam.check_token(spam.make_token(time.time() - 10)) is None

    @pytest.mark.parametrize(
        "age,problem",
        [(0, "too_fast"), (1, "too_fast"), (spam.MAX_AGE + 5, "expired")],
    )
    def test_age(self, portal, age, problem):
        assert spam.check_token(spam.make_token(time.time() - age)) == problem

    @pytest.mark.parametrize(
        "token",
        ["", None, "garbage", "1.2", "12345.abcd.0000", "x.y.z"],
    )
    def test_invalid(self, portal, token):
        assert spam.check_token(token) == "invalid"

    def test_forged_time_is_invalid(self, portal):
        stamp, nonce, signature = spam.make_token(time.time() - 10).split(".")
        forged = f"{int(stamp) - 100}.{nonce}.{signature}"
        assert spam.check_token(forged) == "invalid"

    def test_minimum_from_control_panel(self, portal):
        api.portal.set_registry_record("collective.servicedesk.citizen_min_seconds", 20)
        assert spam.check_token(spam.make_token(time.time() - 10)) == "too_fast"

    def test_stamp_works_once(self, portal):
        spam.reset()
        token = spam.make_token(time.time() - 10)
        assert spam.check_token(token, consume=True) is None
        assert spam.check_token(token, consume=True) == "replayed"
        assert spam.check_token(token) is None  # checking alone does not use it


REDIS = "redis://127.0.0.1:6379/0"
SETTING = "collective.servicedesk.workspace.redis_url"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def other_instance() -> MovingWindowRateLimiter:
    """What another Zope process sees: its own connection to the same Redis."""
    return MovingWindowRateLimiter(RedisStorage(REDIS, key_prefix=spam.KEY_PREFIX))


@pytest.fixture(params=["memory", "redis"])
def store(request, portal):
    """The counters in process memory, or in the real Redis on 127.0.0.1:6379."""
    redisclient.reset()
    api.portal.set_registry_record(SETTING, REDIS if request.param == "redis" else "")
    assert spam.backend() == request.param
    yield request.param
    redisclient.reset()


def unique() -> str:
    return f"client-{uuid.uuid4().hex}"


class TestRateLimiter:
    def test_moving_window(self, store):
        limiter = spam.RateLimiter("test", window=60)
        client, other = unique(), unique()
        assert [limiter.allow(client, 3) for _ in range(4)] == [True, True, True, False]
        # Another client is not affected.
        assert limiter.allow(other, 3)
        assert limiter.over(client, 3)
        assert not limiter.over(other, 3)

    def test_over_counts_nothing(self, store):
        limiter = spam.RateLimiter("test", window=60)
        client = unique()
        for _ in range(5):
            assert not limiter.over(client, 2)
        limiter.count(client, 2)
        assert not limiter.over(client, 2)
        limiter.count(client, 2)
        assert limiter.over(client, 2)

    def test_the_window_moves_on(self, store):
        limiter = spam.RateLimiter("test", window=1)
        client = unique()
        assert limiter.allow(client, 1)
        # Wait until the first hit has surely left the one-second window.
        time.sleep(1.5)
        assert limiter.allow(client, 1)

    def test_names_keep_counters_apart(self, store):
        client = unique()
        assert spam.RateLimiter("one", window=60).allow(client, 1)
        assert spam.RateLimiter("two", window=60).allow(client, 1)
        assert not spam.RateLimiter("one", window=60).allow(client, 1)


class TestShared:
    def test_other_instances_see_the_counts(self, store):
        limiter = spam.RateLimiter("submissions", window=3600)
        client = unique()
        for _ in range(3):
            assert limiter.allow(client, 3)
        item = limiter._item(3)
        shared = other_instance().test(item, "submissions", client)
        # In Redis the other instance sees the limit reached; memory is per process.
        assert shared is (store == "memory")

    def test_a_stamp_is_used_once_across_instances(self, store):
        token = spam.make_token(time.time() - 10)
        assert spam.check_token(token, consume=True) is None
        # A fresh process: its own memory is empty, Redis is not.
        spam._memory.reset()
        redisclient.reset()
        spam._shared.clear()
        expected = "replayed" if store == "redis" else None
        assert spam.check_token(token, consume=True) == expected

    @pytest.mark.parametrize("store", ["redis"], indirect=True)
    def test_stamps_expire_with_the_token(self, store):
        token = spam.make_token(time.time() - 10)
        spam.check_token(token, consume=True)
        payload = ".".join(token.split(".")[:2])
        client = redis.Redis.from_url(REDIS)
        ttl = client.ttl(f"{spam.KEY_PREFIX}:stamp/{payload}")
        client.close()
        assert 0 < ttl <= spam.MAX_AGE

    @pytest.mark.parametrize("store", ["redis"], indirect=True)
    def test_reset_clears_only_our_keys(self, store):
        client = redis.Redis.from_url(REDIS, decode_responses=True)
        foreign = f"someone-else:{uuid.uuid4().hex}"
        client.set(foreign, "1")
        limiter = spam.RateLimiter("test", window=60)
        address = unique()
        assert limiter.allow(address, 1)
        spam.reset()
        assert limiter.allow(address, 1)
        assert client.get(foreign) == "1"
        client.delete(foreign)
        client.close()


class TestRedisDown:
    def test_falls_back_to_memory(self, portal):
        redisclient.reset()
        api.portal.set_registry_record(SETTING, f"redis://127.0.0.1:{free_port()}/0")
        assert spam.backend() == "redis"
        limiter = spam.RateLimiter("test", window=60)
        client = unique()
        assert limiter.allow(client, 1)
        assert spam.backend() == "memory"
        assert not limiter.allow(client, 1)
        redisclient.reset()
