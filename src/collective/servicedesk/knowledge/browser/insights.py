"""Editors' overview (@@faq-insights): most used entries and missing ones."""

from collective.servicedesk.knowledge.usage import category_gaps
from collective.servicedesk.knowledge.usage import most_used
from Products.Five.browser import BrowserView


def _int(value, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


class InsightsView(BrowserView):
    """Guides editors: what is used, and which busy categories lack an FAQ."""

    def __call__(self):
        form = self.request.form
        self.min_inquiries = _int(form.get("min"), 5)
        self.days = _int(form.get("days"), 365)
        self.used = most_used(limit=20)
        self.gaps = category_gaps(min_inquiries=self.min_inquiries, days=self.days)
        return self.index()
