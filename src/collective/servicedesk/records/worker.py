"""Run the records cycle after commit, in a worker thread with its own connection."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SpecialUsers import system
from collective.servicedesk.notifications.worker import AfterCommitWorker
from zope.component.hooks import setSite
import transaction


def _run(db, path: tuple, keys: list[str]) -> None:
    from collective.servicedesk.records.api import cycle

    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        portal = connection.root()["Application"].unrestrictedTraverse(path)
        setSite(portal)
        # The system acts: it reads every pending inquiry and runs "file".
        newSecurityManager(None, system)
        manager.begin()
        cycle(portal, manager)
    finally:
        noSecurityManager()
        setSite(None)
        manager.abort()
        connection.close()


_worker = AfterCommitWorker("servicedesk-records", _run)


def schedule(portal) -> None:
    """Run one records cycle after the current transaction commits."""
    _worker.schedule(portal, ["cycle"])


def wait(timeout: float = 60) -> bool:
    """Block until the worker is idle (scripts and tests)."""
    return _worker.wait(timeout)
