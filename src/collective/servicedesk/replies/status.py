"""The delivery status of a reply, read from the mail queue or the SMS outbox."""

from collective.servicedesk import _
from collective.servicedesk.notifications import queue as mailqueue
from collective.servicedesk.replies import outbox

READY = "ready"  # a letter: the PDF is ready to print

LABELS = {
    mailqueue.PENDING: _("reply_status_pending", default="Waiting to be sent"),
    mailqueue.SENDING: _("reply_status_sending", default="Being sent"),
    mailqueue.SENT: _("reply_status_sent", default="Sent"),
    mailqueue.FAILED: _("reply_status_failed", default="Failed, will be retried"),
    mailqueue.GIVEN_UP: _("reply_status_given_up", default="Failed, not retried"),
    mailqueue.SKIPPED: _("reply_status_skipped", default="Not sent"),
    READY: _("reply_status_ready", default="Ready to print"),
    "unknown": _("reply_status_unknown", default="Unknown"),
}


def delivery_status(reply: dict, portal: object = None) -> dict:
    """Return status, label, error, attempts and sent_at of a reply."""
    key = reply.get("delivery_key")
    if reply["channel"] == "letter":
        item = {"status": READY}
    elif not key:
        item = None
    elif reply["channel"] == "email":
        item = mailqueue.get_item(key, portal)
    else:
        item = outbox.get_item(key, portal)
    item = item or {"status": "unknown"}
    status = item["status"]
    return {
        "status": status,
        "label": LABELS.get(status, LABELS["unknown"]),
        "error": item.get("last_error") or "",
        "attempts": item.get("attempts") or 0,
        "sent_at": item.get("sent_at"),
    }
