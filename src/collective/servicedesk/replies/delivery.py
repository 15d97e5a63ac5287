"""Send queued SMS after the commit, in a worker thread with its own connection.

Same design as the e-mail queue (``notifications.delivery``): the request never
waits for the gateway; an after-commit hook (only called for a successful
commit) hands the keys to a worker thread, which claims each item in its own
short transaction, sends it and records the outcome. Failures stay in the
outbox for the tick to retry; a claimed item is never sent twice.
"""

from collective.servicedesk import logger
from collective.servicedesk.notifications.worker import AfterCommitWorker
from collective.servicedesk.notifications.worker import claim_in_turn
from collective.servicedesk.notifications.worker import commit_with_retry
from collective.servicedesk.replies import outbox
from collective.servicedesk.replies.interfaces import SMSDeliveryError
from collective.servicedesk.replies.sms import gateway_settings
from collective.servicedesk.replies.sms import get_gateway
from datetime import datetime
import transaction


def _run(db: object, path: tuple, keys: list[str]) -> None:
    deliver_in_new_connection(db, path, keys)


_worker = AfterCommitWorker("servicedesk-sms", _run)


def schedule(portal: object, keys: list[str]) -> None:
    """Send these outbox items after the current transaction commits."""
    _worker.schedule(portal, keys)


def deliver_in_new_connection(
    db: object,
    path: tuple,
    keys: list[str],
    give_up_after: int = 0,
    now: datetime | None = None,
) -> dict:
    """Open a private connection to ``db`` and deliver ``keys`` of the portal."""
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        portal = connection.root()["Application"].unrestrictedTraverse(path)
        return deliver(portal, keys, manager, give_up_after, now)
    finally:
        manager.abort()
        connection.close()


def wait_for_deliveries(timeout: float = 60) -> bool:
    """Block until the worker has handled every job (scripts and tests)."""
    return _worker.wait(timeout)


def deliver(
    portal: object,
    keys: list[str],
    manager: object,
    give_up_after: int = 0,
    now: datetime | None = None,
) -> dict:
    """Claim, send and record each item, each step in its own transaction.

    With ``give_up_after``, stop after that many failures in a row: the
    gateway is down, and the rest waits for the next tick instead of each
    running into the timeout.
    """
    settings = gateway_settings(portal)
    db = portal._p_jar.db() if portal._p_jar is not None else None
    outcome = {}
    failures = 0
    for key in keys:
        if give_up_after and failures >= give_up_after:
            break
        when = now or outbox.utcnow()
        item = claim_in_turn(manager, db, outbox.claim, key, when, portal)
        if item is None:
            continue
        try:
            gateway = get_gateway(settings["gateway"])
            gateway_id = gateway.send(
                item["to"], item["text"], item["reference"], key, settings
            )
        except Exception as error:  # a gateway bug must not leave it "sending"
            logger.warning("SMS %s to the gateway failed: %s", key, error)
            message = str(error) if isinstance(error, SMSDeliveryError) else ""
            message = (message or f"{type(error).__name__}: {error}")[:500]
            failed_at = outbox.utcnow()
            commit_with_retry(
                manager, outbox.mark_failed, key, message, failed_at, portal, db=db
            )
            outcome[key] = outbox.FAILED
            failures += 1
        else:
            now = outbox.utcnow()
            commit_with_retry(
                manager, outbox.mark_sent, key, gateway_id or "", now, portal, db=db
            )
            outcome[key] = outbox.SENT
            failures = 0
    return outcome


def retry_due(
    portal: object, now: datetime | None = None, give_up_after: int = 3
) -> dict:
    """Send every due item now (the tick's retry step); return key -> outcome.

    Runs in a private connection with its own transactions, so it neither
    waits for nor touches the caller's transaction.
    """
    keys = outbox.due_keys(now or outbox.utcnow(), portal)
    if not keys:
        return {}
    db, path = portal._p_jar.db(), portal.getPhysicalPath()
    return deliver_in_new_connection(db, path, keys, give_up_after, now)
