"""Tick step: run a records cycle after the tick's commit (retries, receipts)."""

from collective.servicedesk.settings import settings
from collective.servicedesk.tick.interfaces import ITickStep
from datetime import datetime
from zope.interface import implementer


@implementer(ITickStep)
class RecordsStep:
    """Retry sending and read receipts, in the worker after the commit."""

    order = 75

    def __call__(self, portal: object, now: datetime) -> dict:
        if (settings().records.transport or "none") == "none":
            return {"enabled": False}
        from collective.servicedesk.records.worker import schedule

        schedule(portal)
        return {"enabled": True, "scheduled": True}
