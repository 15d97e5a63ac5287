"""POST @@servicedesk-bulk on a service desk: the listing's bulk actions."""

from collective.servicedesk import _
from collective.servicedesk.queues.bulk import BulkError
from collective.servicedesk.queues.bulk import check
from collective.servicedesk.queues.bulk import run
from plone import api
from plone.protect.authenticator import check as check_token
from Products.Five.browser import BrowserView
from zExceptions import Forbidden
from zope.i18n import translate
import json
import transaction


class BulkView(BrowserView):
    """JSON for the listing's fetch(); a plain form post goes back to the list."""

    def tr(self, message) -> str:
        return translate(message, context=self.request)

    def wants_json(self) -> bool:
        return "application/json" in (self.request.getHeader("Accept") or "")

    def __call__(self) -> str:
        if self.request.method != "POST":
            self.request.response.setHeader("Allow", "POST")
            return self.answer(
                {"form": _("ws_error_post_only", default="Send this form with POST.")},
                405,
            )
        try:
            check_token(self.request)
        except Forbidden:
            return self.answer(
                {
                    "form": _(
                        "ws_error_csrf",
                        default="The form expired. Reload the page and send it "
                        "again; your input is kept.",
                    )
                },
                403,
            )
        form = dict(self.request.form)
        form["uids"] = self.request.form.get("uids") or []
        try:
            data = check(form)
        except BulkError as error:
            return self.answer(error.errors, 400)
        result = run(self.context, data)
        return self.done(result)

    def summary(self, result: dict) -> str:
        return self.tr(
            _(
                "bulk_done",
                default="Done for ${done} inquiries; ${refused} refused.",
                mapping={
                    "done": len(result["done"]),
                    "refused": len(result["refused"]),
                },
            )
        )

    def done(self, result: dict) -> str:
        refused = [
            {**item, "message": self.tr(item["message"])} for item in result["refused"]
        ]
        text = self.summary(result)
        if self.wants_json():
            return self.json(
                {
                    "ok": True,
                    "message": text,
                    "done": result["done"],
                    "refused": refused,
                }
            )
        api.portal.show_message(text, request=self.request)
        for item in refused:
            api.portal.show_message(
                f"{item['reference'] or item['uid']}: {item['message']}",
                request=self.request,
                type="warning",
            )
        return self.back()

    def answer(self, errors: dict, status: int) -> str:
        transaction.doom()
        texts = {field: self.tr(message) for field, message in errors.items()}
        if self.wants_json():
            return self.json({"ok": False, "errors": texts}, status)
        for text in texts.values():
            api.portal.show_message(text, request=self.request, type="error")
        return self.back()

    def json(self, data: dict, status: int = 200) -> str:
        self.request.response.setStatus(status)
        self.request.response.setHeader(
            "Content-Type", "application/json; charset=utf-8"
        )
        self.request.response.setHeader("Cache-Control", "no-store")
        return json.dumps(data)

    def back(self) -> str:
        target = self.request.form.get("came_from") or ""
        if not isinstance(target, str) or not target.startswith(
            self.context.absolute_url()
        ):
            target = f"{self.context.absolute_url()}/@@inquiries"
        self.request.response.redirect(target)
        return ""
