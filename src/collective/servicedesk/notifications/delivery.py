"""Deliver queued mail after the commit, in a worker thread with its own connection.

The request that queued a message never talks to the mail server: an
after-commit hook (called only for a successful commit, never for a rolled-back
transaction) hands the keys to a worker thread. The worker claims each item in
its own short transaction, sends it, and records the outcome. Two workers
claiming the same item conflict at commit; the loser skips it, so an item is
not sent twice. Failures stay in the queue for the tick to retry.
"""

from collective.servicedesk import logger
from collective.servicedesk.notifications import queue
from collective.servicedesk.notifications.message import send_item
from datetime import datetime
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite
import queue as stdqueue
import threading
import transaction

_jobs: stdqueue.Queue = stdqueue.Queue()
_worker: threading.Thread | None = None
_worker_lock = threading.Lock()
_TXN_KEY = object()  # per-transaction marker for our after-commit hook


def schedule(portal: object, keys: list[str], now: datetime | None = None) -> None:
    """Send these queue items after the current transaction commits.

    `now` (the tick's clock) decides which retries are due; default: real time.
    """
    if not keys:
        return
    txn = transaction.get()
    try:
        job = txn.data(_TXN_KEY)
    except KeyError:
        job = {"keys": [], "now": now}
        txn.set_data(_TXN_KEY, job)
        jar = portal._p_jar
        txn.addAfterCommitHook(
            _after_commit, args=(jar.db(), portal.getPhysicalPath(), job)
        )
    if now is not None:
        job["now"] = now
    job["keys"].extend(key for key in keys if key not in job["keys"])


def _after_commit(status: bool, db: object, path: tuple, job: dict) -> None:
    """After-commit hook: hand the keys to the worker (only if the commit worked)."""
    if not status or not job["keys"]:
        return
    _jobs.put((db, path, list(job["keys"]), job["now"]))
    _ensure_worker()


def _ensure_worker() -> None:
    global _worker
    with _worker_lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(
                target=_work, name="servicedesk-mail", daemon=True
            )
            _worker.start()


def _work() -> None:
    while True:
        db, path, keys, now = _jobs.get()
        try:
            deliver_in_new_connection(db, path, keys, now)
        except Exception:  # the worker must survive anything
            logger.exception("Mail delivery failed for %s", keys)
        finally:
            _jobs.task_done()


def wait_for_deliveries(timeout: float = 60) -> bool:
    """Block until the worker has handled every job (scripts and tests)."""
    done = threading.Event()

    def waiter():
        _jobs.join()
        done.set()

    threading.Thread(target=waiter, daemon=True).start()
    return done.wait(timeout)


def deliver_in_new_connection(
    db: object, path: tuple, keys: list[str], now: datetime | None = None
) -> None:
    """Open a private connection to `db` and deliver `keys` of the portal at `path`."""
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        portal = connection.root()["Application"].unrestrictedTraverse(path)
        # Plone's SMTP mailer reads the mail settings from the site's registry.
        setSite(portal)
        deliver(portal, keys, manager, now)
    finally:
        setSite(None)
        manager.abort()
        connection.close()


def _commit(manager: object, action, *args) -> bool:
    """Run `action` in a fresh transaction and commit; retry on conflicts."""
    for _attempt in range(5):
        manager.begin()
        try:
            result = action(*args)
            manager.commit()
            return result
        except ConflictError:
            manager.abort()
    return None


def deliver(
    portal: object, keys: list[str], manager: object, now: datetime | None = None
) -> dict:
    """Claim, send and record each item in its own transactions of `manager`."""
    mailhost = portal.MailHost
    outcome = {}
    for key in keys:
        manager.begin()
        try:
            item = queue.claim(key, max(now or queue.utcnow(), queue.utcnow()), portal)
            manager.commit()
        except ConflictError:  # someone else claimed it
            manager.abort()
            item = None
        if item is None:
            continue
        try:
            send_item(mailhost, item)
        except Exception as error:
            logger.warning("Sending %s to %s failed: %s", key, item["to"], error)
            message = f"{type(error).__name__}: {error}"[:500]
            _commit(manager, queue.mark_failed, key, message, queue.utcnow(), portal)
            outcome[key] = queue.FAILED
        else:
            _commit(manager, queue.mark_sent, key, queue.utcnow(), portal)
            outcome[key] = queue.SENT
    return outcome
