"""Registrations in short transactions of their own, conflicts retried at once.

Every registration writes to the same few structures: the desk's BTree, the
catalogue's indexes and text indexes, the notification queue. Two registrations
at the same time mostly touch different keys of those BTrees, which ZODB's
conflict resolution merges (different keys in one bucket, ``Length``
counters). The lexicon draws the word id of a new word at random (ZCTextIndex
>= 2.13, per connection, like ZCatalog's record ids), the text indexes keep
their postings so that they merge (``search/postings.py``) and the mail queue
is kept in shards (``notifications/storage.py``). What still conflicts: bucket
splits on both sides, above all in the trees keyed by the inquiry's id, which
is its reference number and so always lands in the right-most bucket (the
desk's ``_tree``, ``getId``, the catalogue's ``uids``, the meta-type index),
and the same never-seen word in two registrations at once.

``run_in_turn`` commits what the request did so far, runs the registration in
a fresh transaction (it sees everything committed before) and commits it; a
conflict is retried here at once, without the publisher's back-off of up to
seconds, up to ``ATTEMPTS`` times.

By default every registration still holds a *turn*: a process lock plus, on
RelStorage/PostgreSQL, an advisory lock shared by the whole cluster, so that
registrations run one at a time (a flat ceiling of a few registrations per
second however many instances). ``SERVICEDESK_REGISTRATION_TURN=off`` (read
at each registration) drops it. Measured in issue 19 (``bench.s2scale``,
docs/reference/benchmarks-writers.md, run D): without the turn the splits of
the id-keyed trees make two instances register 0.85x what one does, with 127-132
retries per 100 registrations, so the turn stays the default until inquiries
get ids that do not grow in one direction.
On other storages than RelStorage/PostgreSQL the turn is the process lock
only. If PostgreSQL cannot be asked, or the turn does not come within
``WAIT_SECONDS``, the registration goes ahead without it (the conflict
retries keep it correct).
"""

from collective.servicedesk import logger
from collective.servicedesk.monitoring.conflicts import record_retry
from contextlib import contextmanager
from ZODB.POSException import ConflictError
from zope.globalrequest import getRequest
import os
import random
import threading
import time
import transaction

ATTEMPTS = 8
WAIT_SECONDS = 15.0
# The advisory lock's key: any constant the cluster agrees on ("SD" + 2026).
LOCK_KEY = 0x53442026

# The switch (issue 19): "off" drops the turn; unset or anything else takes it.
SWITCH = "SERVICEDESK_REGISTRATION_TURN"
OFF = "off"

_process = threading.RLock()
_local = threading.local()


def turn_taken() -> bool:
    """True unless the switch says "off": registrations take the cluster-wide turn."""
    return os.environ.get(SWITCH, "").strip().lower() != OFF


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
    """Hold the registration turn (re-entrant within one thread), if it is taken.

    Without the switch (see ``turn_taken``) this holds nothing.
    """
    if not turn_taken():
        yield
        return
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
    """Run ``work()`` in its own transaction (holding the turn, if it is taken).

    Returns what ``work()`` returns.

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
