"""Hand work to a background thread after a successful commit (mail, SMS).

The request that queued something never waits for a mail server or an SMS
gateway: an after-commit hook (called only for a successful commit, never for
a rolled-back transaction) passes the keys to a worker thread, which does the
delivery in its own connection and short transactions.
"""

from collections.abc import Callable
from collective.servicedesk import logger
from contextlib import nullcontext
from ZODB.POSException import ConflictError
import queue
import threading
import transaction


class AfterCommitWorker:
    """One daemon thread per kind of delivery, fed after successful commits."""

    def __init__(self, name: str, run: Callable[..., object]) -> None:
        """`run(db, path, keys, **options)` does the delivery in the thread."""
        self.name = name
        self.run = run
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def schedule(self, portal: object, keys: list[str], **options) -> None:
        """Deliver `keys` after the current transaction commits (once per key)."""
        if not keys:
            return
        txn = transaction.get()
        try:
            job = txn.data(self)
        except KeyError:
            job = {"keys": [], "options": {}}
            txn.set_data(self, job)
            txn.addAfterCommitHook(
                self._after_commit,
                args=(portal._p_jar.db(), portal.getPhysicalPath(), job),
            )
        job["options"].update({k: v for k, v in options.items() if v is not None})
        job["keys"].extend(key for key in keys if key not in job["keys"])

    def _after_commit(self, status: bool, db: object, path: tuple, job: dict) -> None:
        if status and job["keys"]:
            self._jobs.put((db, path, list(job["keys"]), dict(job["options"])))
            self._ensure_thread()

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name=self.name, daemon=True
                )
                self._thread.start()

    def _work(self) -> None:
        while True:
            db, path, keys, options = self._jobs.get()
            try:
                self.run(db, path, keys, **options)
            except Exception:  # the worker must survive anything
                logger.exception("%s: delivery failed for %s", self.name, keys)
            finally:
                self._jobs.task_done()

    def wait(self, timeout: float = 60) -> bool:
        """Block until every handed-over job is done (scripts and tests)."""
        done = threading.Event()

        def waiter():
            self._jobs.join()
            done.set()

        threading.Thread(target=waiter, daemon=True).start()
        return done.wait(timeout)


def _turn(db):
    """The registration turn (see registration/turns.py), or nothing without a db.

    Registrations add to the delivery queues; the workers' bookkeeping takes the
    same turn, so the two never conflict on the queue. With
    ``SERVICEDESK_REGISTRATION_TURN=off`` this holds nothing: a conflict on the
    queue is then retried (``commit_with_retry``) or the claim left to the other
    worker (measured in issue 19: the queue's ``pending`` set is then the most
    frequent conflict).
    """
    if db is None:
        return nullcontext()
    from collective.servicedesk.registration.turns import turn

    return turn(db)


def commit_with_retry(manager: object, action, *args, attempts: int = 5, db=None):
    """Run `action` in a fresh transaction of `manager` and commit; retry conflicts.

    With `db`, each attempt holds the registration turn.
    """
    for _attempt in range(attempts):
        with _turn(db):
            manager.begin()
            try:
                result = action(*args)
                manager.commit()
                return result
            except ConflictError:
                manager.abort()
    return None


def claim_in_turn(manager: object, db, claim, *args):
    """Claim a queued item in a short transaction holding the turn; None if taken."""
    with _turn(db):
        manager.begin()
        try:
            item = claim(*args)
            manager.commit()
            return item
        except ConflictError:  # another worker claimed it
            manager.abort()
            return None
