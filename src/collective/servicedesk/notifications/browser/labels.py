"""Translated labels of queue statuses and skip reasons."""

from collective.servicedesk import _

STATUS_LABELS = {
    "pending": _("mail_status_pending", default="Waiting"),
    "sending": _("mail_status_sending", default="Sending"),
    "sent": _("mail_status_sent", default="Sent"),
    "failed": _("mail_status_failed", default="Failed, will be retried"),
    "given_up": _("mail_status_given_up", default="Failed, not retried any more"),
    "skipped": _("mail_status_skipped", default="Not sent"),
}
REASON_LABELS = {
    "no_address": _("mail_reason_no_address", default="no e-mail address"),
    "turned_off": _("mail_reason_turned_off", default="turned off by the recipient"),
    "permanent": _("mail_reason_permanent", default="refused for good"),
    "discarded": _("mail_reason_discarded", default="discarded by an administrator"),
}
