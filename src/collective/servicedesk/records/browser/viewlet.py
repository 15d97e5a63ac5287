"""On the inquiry: its filing status, the archive's numbers or reason, the button."""

from collective.servicedesk import _
from collective.servicedesk.localtime import format_local
from collective.servicedesk.records import state
from collective.servicedesk.records.messages import describe
from plone import api
from plone.app.layout.viewlets.common import ViewletBase

PERMISSION = "collective.servicedesk: File to records system"
LABELS = {
    "": _("records_status_none", default="Not sent to the records system"),
    state.PENDING: _("records_status_pending", default="Sent, waiting for the receipt"),
    state.FILED: _("records_status_filed", default="Filed in the records system"),
    state.REJECTED: _(
        "records_status_rejected", default="Refused by the records system"
    ),
}


class RecordsViewlet(ViewletBase):
    """Shown for archive-worthy inquiries and whatever has been sent."""

    def update(self):
        super().update()
        self.data = state.get(self.context)

    def available(self) -> bool:
        return bool(getattr(self.context, "archive_worthy", False) or self.data)

    def status(self) -> str:
        return self.data.get("status", "")

    def label(self):
        return LABELS.get(self.status(), LABELS[""])

    def error(self) -> dict | None:
        error = self.data.get("error")
        return describe(error, self.request) if error else None

    def journalposts(self) -> list[dict]:
        kinds = {
            "I": _("records_incoming", default="Incoming"),
            "U": _("records_outgoing", default="Outgoing"),
        }
        return [
            {
                "kind": kinds.get(m["kind"], m["kind"]),
                "number": m.get("journalpost_number", ""),
                "entry": m.get("registry_entry", ""),
                "date": m.get("date", ""),
            }
            for m in self.data.get("messages", ())
        ]

    def requested(self) -> str:
        when = self.data.get("requested")
        return format_local(when) if when else ""

    def action(self) -> str:
        """ "request", "resend" or "" (what the button does, if the user may)."""
        if not api.user.has_permission(PERMISSION, obj=self.context):
            return ""
        if self.status() == state.REJECTED:
            return "resend"
        if not self.status():
            return "request"
        return ""
