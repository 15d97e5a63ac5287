"""Read-only views of the privacy log and of the confidential-access log."""

from collective.servicedesk import _
from collective.servicedesk.localtime import format_local
from collective.servicedesk.privacy import access
from collective.servicedesk.privacy import log
from datetime import datetime
from plone import api
from Products.Five.browser import BrowserView

ACTION_LABELS = {
    "find": _("privacy_action_find", default="Search"),
    "export": _("privacy_action_export", default="Export"),
    "erase": _("privacy_action_erase", default="Erasure"),
    "retention_run": _("privacy_action_retention_run", default="Retention run"),
}


def _fullname(user_id: str | None, cache: dict) -> str:
    if not user_id:
        return ""
    if user_id not in cache:
        user = api.user.get(userid=user_id)
        cache[user_id] = (user.getProperty("fullname", "") if user else "") or user_id
    return cache[user_id]


class PrivacyLogView(BrowserView):
    """Who searched, exported or erased whose personal data, when and why."""

    def entries(self) -> list[dict]:
        """Return the newest entries prepared for display."""
        names: dict = {}
        return [
            {
                "when": format_local(entry["when"]),
                "who": _fullname(entry["who"], names),
                "action": ACTION_LABELS.get(entry["action"], entry["action"]),
                "reason": entry["reason"],
                "query": ", ".join(entry["query"].values()),
                "references": ", ".join(entry["references"]),
            }
            for entry in log.entries()
        ]


class AccessLogView(BrowserView):
    """Who opened confidential inquiries, read from the audit file (no ZODB write)."""

    def filters(self) -> dict:
        """Return the filters typed into the form."""
        form = self.request.form
        return {
            "reference": (form.get("reference") or "").strip(),
            "user": (form.get("user") or "").strip(),
        }

    def entries(self) -> list[dict]:
        """Return the newest matching records prepared for display."""
        names: dict = {}
        rows = []
        for entry in access.read_entries(**self.filters()):
            try:
                when = datetime.fromisoformat(entry["time"])
                when = format_local(when)
            except (KeyError, ValueError):
                when = entry.get("time", "")
            rows.append(
                {
                    "when": when,
                    "who": _fullname(entry.get("user"), names),
                    "user": entry.get("user", ""),
                    "reference": entry.get("reference", ""),
                    "view": entry.get("view", ""),
                    "method": entry.get("method", ""),
                }
            )
        return rows

    def configured(self) -> bool:
        """True if the log file location is known."""
        return access.log_path() is not None
