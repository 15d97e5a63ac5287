"""The tick step that retries SMS replies the gateway did not take."""

from collective.servicedesk.replies.delivery import retry_due
from collective.servicedesk.tick.interfaces import ITickStep
from datetime import datetime
from zope.interface import implementer


@implementer(ITickStep)
class SMSRetry:
    """Send pending, failed and stale SMS replies (each at most once)."""

    order = 91

    def __call__(self, portal: object, now: datetime) -> dict:
        outcome = retry_due(portal, now)
        return {
            "sent": sum(1 for status in outcome.values() if status == "sent"),
            "failed": sum(1 for status in outcome.values() if status != "sent"),
        }
