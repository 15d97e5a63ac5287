"""@@servicedesk-ready: 200 when the instance is warm, 503 while it warms up.

Plone's @@ok says the process is alive; this one says it should get traffic.
The balancer checks this one (scripts/haproxy.cfg.in).
"""

from collective.servicedesk import _
from collective.servicedesk.warmup import state
from Products.Five.browser import BrowserView
from zope.i18n import translate


class Ready(BrowserView):
    """Readiness for the balancer: plain text, never cached."""

    def __call__(self) -> str:
        response = self.request.response
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        response.setHeader("Cache-Control", "no-store")
        if state.is_ready():
            response.setStatus(200)
            message = _("warmup_ready", default="Ready")
        else:
            response.setStatus(503)
            response.setHeader("Retry-After", "5")
            message = _("warmup_warming", default="Warming up, not ready yet")
        return translate(message, context=self.request)
