"""The routing suggestion shown while registering, also as JSON for the form."""

from collective.servicedesk.routing import suggest
from collective.servicedesk.routing.principals import principal_title
from Products.Five.browser import BrowserView
from zope.globalrequest import getRequest
from zope.i18n import translate
import json


def suggestion_info(category: str | None) -> dict:
    """Return the suggestion for `category` as plain, translated values."""
    suggestion = suggest(category or None)
    return {
        "category": category or "",
        "handler": suggestion.handler or "",
        "handler_title": principal_title(f"user:{suggestion.handler}")
        if suggestion.handler
        else "",
        "unit": suggestion.unit or "",
        "unit_title": principal_title(f"group:{suggestion.unit}")
        if suggestion.unit
        else "",
        "source": suggestion.source or "",
        "reason": translate(suggestion.reason, context=getRequest()),
    }


class SuggestionView(BrowserView):
    """GET @@routing-suggestion?category=<id>: the suggestion as JSON (no writes)."""

    def __call__(self) -> str:
        category = self.request.form.get("category")
        if not isinstance(category, str):
            category = None
        self.request.response.setHeader("Content-Type", "application/json")
        self.request.response.setHeader("Cache-Control", "no-store")
        return json.dumps(suggestion_info(category))
