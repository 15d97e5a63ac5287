"""Registrations take turns: one at a time in the whole cluster, in short transactions.

Every registration writes to the same few structures: the desk's BTree, the
catalogue's indexes and text indexes, the notification queue. Concurrent
registrations therefore conflicted on BTree bucket splits and text-index
buckets (measured by ``make bench``, scenario S2: about one conflict retry per
registration at 10 writers, and failures once Zope's three retries ran out,
each retry after a random back-off of up to 8 seconds).

A registration is short (tens of milliseconds), so taking turns costs far
less than conflicting: the registration waits for the turn, starts a fresh
transaction (it sees everything committed before its turn), does its work
and commits, and only then hands the turn on. A conflict with some other
write (a transition, the mail worker) is retried here at once, without the
publisher's back-off, up to ``ATTEMPTS`` times.

The turn is a process lock plus, on RelStorage/PostgreSQL, a PostgreSQL
advisory lock shared by every instance of the cluster. On other storages
(FileStorage has one process anyway; ZEO) the process lock is all there is.
If PostgreSQL cannot be asked, or the turn does not come within
``WAIT_SECONDS``, the registration goes ahead without it (as before: the
conflict retries keep it correct).
"""

from collective.servicedesk import logger
from collective.servicedesk.monitoring.conflicts import record_retry
from contextlib import contextmanager
from ZODB.POSException import ConflictError
from zope.globalrequest import getRequest
import random
import threading
import time
import transaction

ATTEMPTS = 8
WAIT_SECONDS = 15.0
# The advisory lock's key: any constant the cluster agrees on ("SD" + 2026).
LOCK_KEY = 0x53442026

_process = threading.RLock()
_local = threading.local()


def _dsn(db) -> str | None:
    """The PostgreSQL DSN of a RelStorage database, else None."""
    adapter = getattr(getattr(db, "storage", None), "_adapter", None)
    dsn = getattr(adapter, "_dsn", None)
    if dsn and type(adapter).__module__.startswith("relstorage.adapters.postgresql"):
        return dsn
    return None


def _pg_connection(dsn: str):
    """This thread's own autocommit connection for the advisory lock."""
    connection = getattr(_local, "pg", None)
    if connection is not None and not connection.closed:
        return connection
    import psycopg2

    connection = psycopg2.connect(dsn, connect_timeout=5)
    connection.autocommit = True
    _local.pg = connection
    return connection


def _pg_lock(dsn: str, deadline: float) -> object | None:
    """Take the cluster's advisory lock; return the connection holding it, or None."""
    try:
        connection = _pg_connection(dsn)
        with connection.cursor() as cursor:
            while True:
                cursor.execute("select pg_try_advisory_lock(%s)", (LOCK_KEY,))
                if cursor.fetchone()[0]:
                    return connection
                if time.monotonic() > deadline:
                    logger.warning("Registration turn not given in time: going ahead.")
                    return None
                time.sleep(0.002)
    except Exception:  # noqa: BLE001 - no lock is better than no registration
        logger.exception("Registration turn unavailable (PostgreSQL): going ahead.")
        _local.pg = None
        return None


def _pg_unlock(connection) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("select pg_advisory_unlock(%s)", (LOCK_KEY,))
    except Exception:  # noqa: BLE001 - a lost connection releases the lock itself
        logger.exception("Could not release the registration turn.")
        _local.pg = None


@contextmanager
def turn(db):
    """Hold the registration turn (re-entrant within one thread)."""
    deadline = time.monotonic() + WAIT_SECONDS
    got_process = _process.acquire(timeout=WAIT_SECONDS)
    depth = getattr(_local, "depth", 0)
    holder = None
    dsn = _dsn(db) if depth == 0 else None
    if dsn:
        holder = _pg_lock(dsn, deadline)
    _local.depth = depth + 1
    try:
        yield
    finally:
        _local.depth = depth
        if holder is not None:
            _pg_unlock(holder)
        if got_process:
            _process.release()


def run_in_turn(context, work, what: str = "registration"):
    """Run ``work()`` in its own transaction while holding the turn; return its result.

    Only in a published request (see ``_published``); elsewhere ``work()``
    simply runs in the caller's transaction. Whatever the request changed
    before is committed first. The transaction of
    ``work`` is committed here; a conflict is retried at once (logged and
    counted as a conflict retry). After the last attempt the conflict is
    raised, and the publisher may still retry the whole request.
    """
    if not _published():
        return work()
    db = context._p_jar.db()
    with turn(db):
        attempt = 1
        while True:
            # Ends what the request did so far and starts a fresh snapshot that
            # includes everything committed before this turn.
            transaction.commit()
            try:
                result = work()
                transaction.commit()
                return result
            except ConflictError as error:
                transaction.abort()
                if attempt == ATTEMPTS:
                    raise
                record_retry(what, attempt, error)
                time.sleep(random.uniform(0, 0.005 * attempt))
                attempt += 1


def _published() -> bool:
    """True inside a request the publisher runs (and commits) itself.

    Code that calls a registration directly (scripts, the demo profile,
    integration tests) keeps its own transaction: nothing is committed for it.
    """
    request = getRequest()
    return request is not None and request.get("PUBLISHED") is not None
