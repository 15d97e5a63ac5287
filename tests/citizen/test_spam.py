"""Spam protection: honeypot, signed time stamps and the sliding-window limit."""

from collective.servicedesk.citizen import spam
from plone import api
import pytest
import time


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


class TestRateLimiter:
    def test_sliding_window(self):
        limiter = spam.RateLimiter(window=60)
        assert [limiter.allow("1.2.3.4", 3, now=t) for t in (0, 1, 2, 3)] == [
            True,
            True,
            True,
            False,
        ]
        # Another client is not affected.
        assert limiter.allow("5.6.7.8", 3, now=3)
        # Once the first hit leaves the window, one more is allowed.
        assert limiter.allow("1.2.3.4", 3, now=60.5)
        assert not limiter.allow("1.2.3.4", 3, now=60.6)

    def test_prune_keeps_recent(self):
        limiter = spam.RateLimiter(window=10)
        limiter.allow("old", 5, now=0)
        limiter.allow("new", 5, now=100)
        limiter._prune(105)
        assert list(limiter.hits) == ["new"]
