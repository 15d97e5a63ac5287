"""Run every registered tick step once, each in a savepoint of its own."""

from collective.servicedesk import logger
from collective.servicedesk.tick.interfaces import ITickStep
from datetime import UTC
from datetime import datetime
from zope.component import getUtilitiesFor
from zope.component.hooks import getSite
from zope.component.hooks import setSite
import transaction


def steps() -> list[tuple[str, ITickStep]]:
    """Return the registered (name, step) pairs in running order."""
    found = list(getUtilitiesFor(ITickStep))
    return sorted(found, key=lambda pair: (getattr(pair[1], "order", 50), pair[0]))


def tick(portal: object, now: datetime | None = None) -> dict:
    """Run all steps for `portal` at `now`; return {step name: summary or error}.

    The caller commits; notices queued by the steps are e-mailed after the commit.
    """
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("tick() needs an aware datetime")
    previous = getSite()
    setSite(portal)
    results = {}
    try:
        for name, step in steps():
            savepoint = transaction.savepoint()
            try:
                results[name] = step(portal, now)
            except Exception as error:  # one broken step must not stop the others
                savepoint.rollback()
                logger.exception("Tick step %s failed", name)
                results[name] = {"error": f"{type(error).__name__}: {error}"}
    finally:
        setSite(previous)
    return results
