"""Registrations in short transactions, conflicts retried; the turn only on request."""

from collective.servicedesk.monitoring import conflicts
from collective.servicedesk.registration import turns
from tests.cluster.harness import postgres_available
from ZODB.POSException import ConflictError
import logging
import os
import psycopg2
import pytest
import threading
import time
import transaction

DSN = "dbname='postgres' user='postgres' host='127.0.0.1' port='5432'"


class TestOutsideThePublisher:
    def test_work_runs_in_the_callers_transaction(self, portal):
        # Scripts, the demo and integration tests keep their transaction:
        # nothing is committed behind their back.
        txn = transaction.get()
        result = turns.run_in_turn(portal, lambda: "done")
        assert result == "done"
        assert transaction.get() is txn


class TestInAPublishedRequest:
    def test_conflict_is_retried_at_once_and_logged(
        self, functional, functional_portal, caplog
    ):
        functional["request"]["PUBLISHED"] = functional_portal
        calls = []

        def work():
            calls.append(transaction.get())
            functional_portal.title = f"Attempt {len(calls)}"
            if len(calls) == 1:
                raise ConflictError("simulated conflict")
            return len(calls)

        before = conflicts.COUNTS["retried"]
        caplog.set_level(logging.INFO, logger="collective.servicedesk.conflicts")
        assert turns.run_in_turn(functional_portal, work) == 2
        # Each attempt ran in a transaction of its own, and the second was committed.
        assert calls[0] is not calls[1]
        assert functional_portal._p_changed is False
        assert functional_portal.title == "Attempt 2"
        assert conflicts.COUNTS["retried"] == before + 1
        assert "conflict retried: registration attempt 1" in caplog.text

    def test_gives_up_after_the_last_attempt(
        self, functional, functional_portal, monkeypatch
    ):
        functional["request"]["PUBLISHED"] = functional_portal
        monkeypatch.setattr(turns, "ATTEMPTS", 3)
        calls = []

        def work():
            calls.append(1)
            raise ConflictError("always")

        with pytest.raises(ConflictError):
            turns.run_in_turn(functional_portal, work)
        assert len(calls) == 3


@pytest.fixture
def turn_on(monkeypatch):
    """The cluster-wide turn (the default; ``SERVICEDESK_REGISTRATION_TURN`` unset)."""
    monkeypatch.delenv(turns.SWITCH, raising=False)


class TestSwitch:
    @pytest.mark.parametrize(
        ("value", "taken"),
        [
            (None, True),
            ("", True),
            ("cluster", True),
            ("off", False),
            (" OFF", False),
        ],
    )
    def test_the_turn_is_taken_unless_switched_off(self, monkeypatch, value, taken):
        if value is None:
            monkeypatch.delenv(turns.SWITCH, raising=False)
        else:
            monkeypatch.setenv(turns.SWITCH, value)
        assert turns.turn_taken() is taken

    def test_without_the_turn_registrations_run_side_by_side(self, portal, monkeypatch):
        # Both threads must be inside at the same time to pass the barrier; with
        # the turn, the second would wait for the first and the barrier break.
        monkeypatch.setenv(turns.SWITCH, "off")
        db = portal._p_jar.db()
        barrier = threading.Barrier(2, timeout=10)
        met = []

        def register():
            with turns.turn(db):
                barrier.wait()
                met.append(True)

        threads = [threading.Thread(target=register) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert met == [True, True]

    def test_without_the_turn_no_lock_is_taken(self, portal, monkeypatch):
        monkeypatch.setenv(turns.SWITCH, "off")

        class Refusing:
            def acquire(self, timeout):
                raise AssertionError("the process lock was taken")

        monkeypatch.setattr(turns, "_process", Refusing())
        with turns.turn(portal._p_jar.db()):
            pass


@pytest.mark.usefixtures("turn_on")
class TestTurns:
    def test_threads_take_turns(self, portal):
        db = portal._p_jar.db()
        spans = []

        def register():
            with turns.turn(db):
                started = time.monotonic()
                time.sleep(0.02)
                spans.append((started, time.monotonic()))

        threads = [threading.Thread(target=register) for _ in range(5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        spans.sort()
        assert len(spans) == 5
        for (_s1, end), (start, _e2) in zip(spans, spans[1:], strict=False):
            assert start >= end, "two registrations held the turn at once"

    def test_the_turn_is_reentrant_in_one_thread(self, portal, monkeypatch):
        # The turn carries on without the lock after WAIT_SECONDS, so a lock that
        # is not re-entrant would not hang here: record what each acquire got.
        real = turns._process
        got = []

        class Recording:
            def acquire(self, timeout):
                result = real.acquire(timeout=timeout)
                got.append(result)
                return result

            def release(self):
                real.release()

        monkeypatch.setattr(turns, "_process", Recording())
        monkeypatch.setattr(turns, "WAIT_SECONDS", 0.2)
        db = portal._p_jar.db()
        with turns.turn(db), turns.turn(db):
            pass
        assert got == [True, True]

    def test_no_cluster_lock_without_relstorage(self, portal):
        assert turns._dsn(portal._p_jar.db()) is None


@pytest.fixture
def pg():
    if not postgres_available():
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is not reachable on 127.0.0.1:5432")
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    other = psycopg2.connect(DSN)
    other.autocommit = True
    yield other
    other.close()
    turns._local.pg = None


class TestClusterLock:
    """The advisory lock every instance of a RelStorage cluster shares."""

    def test_other_instances_wait_for_the_turn(self, pg):
        holder = turns._pg_lock(DSN, time.monotonic() + 5)
        assert holder is not None
        with pg.cursor() as cursor:
            cursor.execute("select pg_try_advisory_lock(%s)", (turns.LOCK_KEY,))
            assert cursor.fetchone()[0] is False  # another instance must wait
            turns._pg_unlock(holder)
            cursor.execute("select pg_try_advisory_lock(%s)", (turns.LOCK_KEY,))
            assert cursor.fetchone()[0] is True
            cursor.execute("select pg_advisory_unlock(%s)", (turns.LOCK_KEY,))

    def test_goes_ahead_when_the_turn_does_not_come(self, pg):
        with pg.cursor() as cursor:
            cursor.execute("select pg_advisory_lock(%s)", (turns.LOCK_KEY,))
            started = time.monotonic()
            assert turns._pg_lock(DSN, time.monotonic() + 0.2) is None
            assert time.monotonic() - started < 2
            cursor.execute("select pg_advisory_unlock(%s)", (turns.LOCK_KEY,))

    def test_goes_ahead_when_postgresql_cannot_be_asked(self):
        bad = "dbname='postgres' user='postgres' host='127.0.0.1' port='1'"
        turns._local.pg = None
        assert turns._pg_lock(bad, time.monotonic() + 1) is None
