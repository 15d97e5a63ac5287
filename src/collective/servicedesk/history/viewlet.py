"""The history of an inquiry, shown below its content."""

from collective.servicedesk import _
from collective.servicedesk.history.storage import entries
from collective.servicedesk.localtime import format_local
from plone import api
from plone.app.layout.viewlets.common import ViewletBase

ACTION_LABELS = {
    "created": _("history_created", default="Registered"),
    "edited": _("history_edited", default="Edited"),
    "reassigned": _("history_reassigned", default="Reassigned"),
    "assign": _("transition_assign", default="Assign"),
    "start": _("transition_start", default="Start work"),
    "forward": _("transition_forward", default="Forward to case handler"),
    "answer": _("transition_answer", default="Answer"),
    "close": _("transition_close", default="Close"),
    "reopen": _("transition_reopen", default="Reopen"),
    "file": _("transition_file", default="File in records system"),
    # Actions other features record on the inquiry.
    "due_date_changed": _("history_due_date_changed", default="Due date changed"),
    "internal_note_added": _("history_internal_note_added", default="Internal note"),
    "reply_email": _("history_reply_email", default="Replied by e-mail"),
    "reply_letter": _("history_reply_letter", default="Replied by letter"),
    "reply_sms": _("history_reply_sms", default="Replied by SMS"),
    "anonymised": _("history_anonymised", default="Personal data removed"),
    "personal_data_erased": _(
        "history_personal_data_erased",
        default="Personal data erased on request",
    ),
    "promoted": _("history_promoted", default="Shared as knowledge"),
    "citizen_information": _(
        "history_citizen_information", default="Information from the requester"
    ),
    "followup_code_issued": _(
        "history_followup_code_issued", default="Follow-up code issued"
    ),
    "followup_code_revoked": _(
        "history_followup_code_revoked", default="Follow-up code revoked"
    ),
    # The inquiry workspace (timeline and quick actions).
    "taken": _("history_taken", default="Taken"),
    "waiting_for_citizen": _(
        "history_waiting_for_citizen", default="Waiting for the citizen"
    ),
    "clock_resumed": _("history_clock_resumed", default="Deadline clock resumed"),
    "reminded": _("history_reminded", default="Reminder sent"),
}


class HistoryViewlet(ViewletBase):
    """List who did what, when and why; newest first."""

    def _fullname(self, user_id: str, cache: dict) -> str:
        if user_id not in cache:
            user = api.user.get(userid=user_id)
            fullname = user.getProperty("fullname", "") if user else ""
            cache[user_id] = fullname or user_id
        return cache[user_id]

    def items(self) -> list[dict]:
        """Return the entries prepared for display."""
        names: dict = {}
        rows = []
        for entry in reversed(entries(self.context)):
            changes = entry["changes"]
            rows.append(
                {
                    "who": self._fullname(entry["who"], names),
                    "when": format_local(entry["when"]),
                    "action": ACTION_LABELS.get(entry["action"], entry["action"]),
                    "comment": entry["comment"],
                    "fields": ", ".join(changes.get("fields", ())),
                    "handler": changes.get("responsible_handler"),
                    "unit": changes.get("responsible_unit"),
                }
            )
        return rows
