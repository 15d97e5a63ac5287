"""@@mail-queue: the status of queued e-mails, with "retry now" for failures.

Admins also see the parked e-mails (failed for good, never retried by
themselves) with their error, and retry or discard them.
"""

from collective.servicedesk import _
from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.notifications import queue
from collective.servicedesk.notifications.browser.labels import REASON_LABELS
from collective.servicedesk.notifications.browser.labels import STATUS_LABELS
from collective.servicedesk.notifications.delivery import schedule
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage

MANAGE = "collective.servicedesk: Manage settings"


class MailQueueView(BrowserView):
    """Admins see every e-mail; others see the ones they caused."""

    template = ViewPageTemplateFile("queue_view.pt")

    def __call__(self) -> str:
        self.user_id = api.user.get_current().getId()
        self.is_admin = api.user.has_permission(MANAGE, obj=self.context)
        form = self.request.form
        if self.request.method == "POST" and form.get("key"):
            CheckAuthenticator(self.request)
            if form.get("discard"):
                self.discard(form["key"])
            else:
                self.retry(form["key"])
            return self.request.response.redirect(
                self.context.absolute_url() + "/@@mail-queue"
            )
        return self.template()

    def retry(self, key: str) -> None:
        """Make a failed item due now and send it after this request commits."""
        item = queue.get_item(key)
        allowed = item is not None and (
            self.is_admin or item.get("sender_id") == self.user_id
        )
        messages = IStatusMessage(self.request)
        if allowed and queue.retry_now(key):
            schedule(api.portal.get(), [key])
            messages.add(_("msg_mail_retry", default="The e-mail is sent again."))
        else:
            messages.add(
                _("msg_mail_no_retry", default="This e-mail cannot be retried."),
                type="error",
            )

    def discard(self, key: str) -> None:
        """Throw a parked item away (admins only)."""
        messages = IStatusMessage(self.request)
        if self.is_admin and queue.discard(key):
            messages.add(_("msg_mail_discarded", default="The e-mail is discarded."))
        else:
            messages.add(
                _("msg_mail_no_discard", default="This e-mail cannot be discarded."),
                type="error",
            )

    def parked(self) -> list[dict]:
        """Return the parked items, for admins only."""
        if not self.is_admin:
            return []
        return [self._row(item) for item in queue.list_items(queue.parked_keys())]

    def items(self) -> list[dict]:
        """Return the visible items with display values."""
        status = self.request.form.get("status") or None
        context_uid = self.request.form.get("uid") or None
        if context_uid:
            keys = queue.keys_for("by_context", context_uid)
        elif self.is_admin:
            keys = None
        else:
            keys = queue.keys_for("by_sender", self.user_id)
        rows = []
        for item in queue.list_items(keys, limit=500):
            if not self.is_admin and item.get("sender_id") != self.user_id:
                continue
            if status and item["status"] != status:
                continue
            rows.append(self._row(item))
        return rows[:200]

    def _row(self, item: dict) -> dict:
        when = item.get("sent_at") or item.get("next_attempt")
        return {
            "key": item["key"],
            "created": _format(item.get("created")),
            "kind": item.get("kind"),
            "to": ", ".join(item.get("to") or ()) or item.get("recipient_id") or "",
            "subject": item.get("subject"),
            "status": item["status"],
            "status_label": STATUS_LABELS.get(item["status"], item["status"]),
            "reason": REASON_LABELS.get(item.get("reason"), item.get("reason") or ""),
            "attempts": item.get("attempts", 0),
            "error": item.get("last_error") or "",
            "when": _format(when),
            "can_retry": item["status"] in (queue.FAILED, queue.GIVEN_UP),
            "can_discard": self.is_admin and item["status"] == queue.GIVEN_UP,
        }

    def statuses(self) -> list[dict]:
        return [{"id": key, "title": label} for key, label in STATUS_LABELS.items()]


def _format(value: object) -> str:
    return to_local(value).strftime("%d.%m.%Y %H:%M") if value else ""
