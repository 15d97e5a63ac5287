"""Shared helpers of the workspace endpoints: JSON, CSRF, translated errors."""

from collective.servicedesk import _
from plone import api
from plone.protect.authenticator import check
from Products.Five.browser import BrowserView
from zExceptions import Forbidden
from zope.i18n import translate
import json
import transaction


class JSONView(BrowserView):
    """A view answering JSON to fetch() and redirecting plain form posts."""

    def wants_json(self) -> bool:
        return "application/json" in (self.request.getHeader("Accept") or "")

    def tr(self, message) -> str:
        return translate(message, context=self.request)

    def json(self, data: dict, status: int = 200) -> str:
        self.request.response.setStatus(status)
        self.request.response.setHeader(
            "Content-Type", "application/json; charset=utf-8"
        )
        self.request.response.setHeader("Cache-Control", "no-store")
        return json.dumps(data)

    def fail(self, errors: dict, status: int = 400) -> str:
        """Refuse the request: nothing of it is committed."""
        transaction.doom()
        texts = {field: self.tr(message) for field, message in errors.items()}
        if self.wants_json():
            return self.json({"ok": False, "errors": texts}, status)
        for text in texts.values():
            api.portal.show_message(text, request=self.request, type="error")
        return self.back()

    def back(self, url: str = "") -> str:
        target = url or self.request.form.get("came_from") or ""
        portal_url = api.portal.get().absolute_url()
        if not target.startswith(portal_url):
            target = portal_url
        self.request.response.redirect(target)
        return ""

    def check_post(self) -> dict | None:
        """Errors for anything but an authenticated POST with a valid token."""
        if self.request.method != "POST":
            self.request.response.setHeader("Allow", "POST")
            return {
                "form": _("ws_error_post_only", default="Send this form with POST.")
            }
        try:
            check(self.request)
        except Forbidden:
            return {
                "form": _(
                    "ws_error_csrf",
                    default="The form expired. Reload the page and send it again; "
                    "your input is kept.",
                )
            }
        return None
