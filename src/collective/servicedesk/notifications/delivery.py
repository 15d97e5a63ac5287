"""Deliver queued mail after the commit, in a worker thread with its own connection.

The request that queued a message never talks to the mail server: an
after-commit hook (called only for a successful commit, never for a rolled-back
transaction) hands the keys to a worker thread. The worker claims each item in
its own short transaction, sends it, and records the outcome. Two workers
claiming the same item conflict at commit; the loser skips it, so an item is
not sent twice. Passing failures stay in the queue for the tick to retry;
permanent ones (the message cannot be composed, or the server refuses it with
a 5xx answer) are parked at once and listed for admins on @@mail-queue.
"""

from collective.servicedesk import logger
from collective.servicedesk.notifications import queue
from collective.servicedesk.notifications.failures import describe
from collective.servicedesk.notifications.failures import is_permanent
from collective.servicedesk.notifications.message import build_message
from collective.servicedesk.notifications.message import send_message
from collective.servicedesk.notifications.worker import AfterCommitWorker
from collective.servicedesk.notifications.worker import claim_in_turn
from collective.servicedesk.notifications.worker import commit_with_retry
from datetime import datetime
from zope.component.hooks import setSite
import transaction


def _run(db: object, path: tuple, keys: list[str], now=None) -> None:
    deliver_in_new_connection(db, path, keys, now)


_worker = AfterCommitWorker("servicedesk-mail", _run)


def schedule(portal: object, keys: list[str], now: datetime | None = None) -> None:
    """Send these queue items after the current transaction commits.

    `now` (the tick's clock) decides which retries are due; default: real time.
    """
    _worker.schedule(portal, keys, now=now)


def wait_for_deliveries(timeout: float = 60) -> bool:
    """Block until the worker has handled every job (scripts and tests)."""
    return _worker.wait(timeout)


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


def deliver(
    portal: object, keys: list[str], manager: object, now: datetime | None = None
) -> dict:
    """Claim, send and record each item in its own transactions of `manager`."""
    mailhost = portal.MailHost
    db = portal._p_jar.db() if portal._p_jar is not None else None
    outcome = {}
    for key in keys:
        when = max(now or queue.utcnow(), queue.utcnow())
        item = claim_in_turn(manager, db, queue.claim, key, when, portal)
        if item is None:
            continue
        composing = True
        try:
            msg = build_message(item)
            composing = False
            send_message(mailhost, msg, item)
        except Exception as error:
            permanent = is_permanent(error, composing=composing)
            logger.warning(
                "Sending %s to %s failed%s: %s",
                key,
                item["to"],
                " for good" if permanent else "",
                error,
            )
            message = describe(error)
            commit_with_retry(
                manager,
                queue.mark_failed,
                key,
                message,
                queue.utcnow(),
                portal,
                permanent,
                db=db,
            )
            outcome[key] = queue.GIVEN_UP if permanent else queue.FAILED
        else:
            commit_with_retry(
                manager, queue.mark_sent, key, queue.utcnow(), portal, db=db
            )
            outcome[key] = queue.SENT
    return outcome
