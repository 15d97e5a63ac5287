"""Reference numbers ``YYYY-NNNNNN``, unique under concurrent registration.

Numbers are issued in their own short transaction on a separate ZODB
connection: the counter is committed at once, so it never becomes part of
the (long) registration transaction and never makes it conflict. Two issuers
racing for the counter conflict only inside this tiny transaction, which is
retried. A registration that is later aborted leaves a gap in the sequence;
numbers are unique, not gapless.
"""

from Acquisition import aq_base
from collective.servicedesk import logger
from collective.servicedesk.annotations import object_storage
from datetime import datetime
from persistent import Persistent
from plone import api
from ZODB.POSException import ConflictError
from ZODB.POSException import POSKeyError
import random
import time
import transaction

ANNOTATION_KEY = "collective.servicedesk.reference_counters"
MAX_ATTEMPTS = 50


class ReferenceCounters(Persistent):
    """Last number issued per year, for one site."""

    def __init__(self) -> None:
        self.last = {}

    def increment(self, year: int) -> int:
        """Issue the next number of ``year`` (changes this object)."""
        number = self.last.get(year, 0) + 1
        # Reassign, so the change is seen and conflicts are detected.
        self.last = {**self.last, year: number}
        return number


class ReferenceNumberUnavailable(ConflictError):
    """No number could be issued after many retries (pathological contention)."""


def issue_number(db, counters_oid: bytes, year: int) -> int:
    """Issue the next number of ``year`` in a transaction of its own."""
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        for attempt in range(MAX_ATTEMPTS):
            manager.begin()
            try:
                number = connection.get(counters_oid).increment(year)
                manager.commit()
                return number
            except ConflictError:
                manager.abort()
                # Randomised back-off, so racing issuers fall out of step.
                time.sleep(random.uniform(0, 0.002 * (attempt + 1)))
        raise ReferenceNumberUnavailable(f"no reference number for {year}")
    finally:
        manager.abort()
        connection.close()


def ensure_counters(site) -> ReferenceCounters:
    """Return the site's counters; created on install, or else on first use."""
    return object_storage(site, ANNOTATION_KEY, ReferenceCounters, create=True)


def next_number(site, year: int) -> int:
    """Issue a number for ``site``; in its own transaction whenever possible."""
    counters = ensure_counters(site)
    jar = getattr(site, "_p_jar", None)
    if jar is not None and counters._p_oid is not None:
        try:
            return issue_number(jar.db(), counters._p_oid, year)
        except POSKeyError:
            # The counters object is not committed yet (site set up in
            # this very transaction): count in the main transaction.
            pass
    logger.debug("Issuing reference number in the main transaction.")
    return counters.increment(year)


def format_reference(year: int, number: int) -> str:
    """Format e.g. ``2026-000123``."""
    return f"{year}-{number:06d}"


def ensure_reference_number(obj) -> str:
    """Return the inquiry's reference number, issuing one if it has none."""
    current = getattr(aq_base(obj), "reference_number", None)
    if current:
        return current
    site = api.portal.get()
    year = datetime.now().year
    reference = format_reference(year, next_number(site, year))
    obj.reference_number = reference
    return reference
