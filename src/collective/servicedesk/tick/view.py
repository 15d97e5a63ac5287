"""@@servicedesk-tick: run the tick over HTTP (POST), for the periodic loop and cron."""

from collective.servicedesk.settings import settings
from collective.servicedesk.tick.runner import tick
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zope.interface import alsoProvides
import json


class TickView(BrowserView):
    """POST only; returns the steps' results and the configured interval as JSON."""

    def __call__(self) -> str:
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        if self.request.method != "POST":
            response.setStatus(405)
            response.setHeader("Allow", "POST")
            return json.dumps({"error": "POST only"})
        # Called by scripts with basic auth, not from a browser form; the
        # permission is for site administrators and every step is idempotent.
        alsoProvides(self.request, IDisableCSRFProtection)
        results = tick(self.context)
        return json.dumps(
            {
                "results": results,
                "interval_minutes": settings().desk.tick_interval_minutes,
            },
            default=str,
        )
