"""One chronological stream of everything that happened to an inquiry.

Built on every read from the stores the features already keep (history,
replies, internal notes); nothing is written, so a GET stays a pure read.
"""

from collective.servicedesk import _
from collective.servicedesk.directory.names import person_name
from collective.servicedesk.directory.names import principal_name
from collective.servicedesk.history.storage import entries as history_entries
from collective.servicedesk.localtime import aware
from collective.servicedesk.localtime import format_local
from collective.servicedesk.localtime import iso_local
from collective.servicedesk.messages.notes import notes as internal_notes
from collective.servicedesk.replies.status import delivery_status
from collective.servicedesk.replies.storage import list_replies
from collective.servicedesk.timeline.labels import ACTION_KINDS
from collective.servicedesk.timeline.labels import CHANNEL_LABELS
from collective.servicedesk.timeline.labels import ICONS
from collective.servicedesk.timeline.labels import action_label
from plone import api

VIEW_NOTES = "collective.servicedesk: View internal notes"
# History actions shown from their own store instead (with text and status).
FROM_OWN_STORE = {"reply_email", "reply_letter", "reply_sms", "internal_note_added"}
AUDIENCES = ("all", "citizen", "internal")


def _change_rows(changes: dict) -> list[dict]:
    """Who/which unit before and after, by name."""
    rows = []
    for field, label in (
        ("responsible_handler", _("label_history_handler", default="Handler:")),
        ("responsible_unit", _("label_history_unit", default="Unit:")),
    ):
        if field in changes:
            before, after = changes[field]
            rows.append(
                {
                    "label": label,
                    "before": principal_name(before) or "–",
                    "after": principal_name(after) or "–",
                }
            )
    return rows


def _from_history(entry: dict, index: int) -> dict:
    action = entry["action"]
    changes = entry.get("changes") or {}
    kind = ACTION_KINDS.get(action, "state" if "review_state" in changes else "other")
    citizen = kind == "citizen"
    return {
        "id": f"history-{index}",
        "kind": kind,
        "action": action,
        "audience": "citizen" if citizen else "internal",
        "when": entry["when"],
        "who": "" if citizen else entry["who"],
        "who_name": (
            _("label_citizen", default="Citizen")
            if citizen
            else person_name(entry["who"])
        ),
        "title": action_label(action),
        "text": entry.get("comment") or "",
        "channel": changes.get("channel", "") if citizen else "",
        "changes": _change_rows(changes),
        "fields": list(changes.get("fields", ())),
    }


def _from_reply(reply: dict, portal) -> dict:
    status = delivery_status(reply, portal)
    channel = reply["channel"]
    return {
        "id": f"reply-{reply['id']}",
        "kind": f"reply_{channel}",
        "action": f"reply_{channel}",
        "audience": "citizen",
        "when": reply["date"],
        "who": reply.get("sender_id") or "",
        "who_name": person_name(reply.get("sender_id")) or reply.get("sender_name"),
        "title": action_label(f"reply_{channel}"),
        "text": reply.get("text") or "",
        "subject": reply.get("subject") or "",
        "recipient": reply.get("recipient") or reply.get("recipient_name") or "",
        "channel": channel,
        "channel_label": CHANNEL_LABELS.get(channel, channel),
        # The translated status only: the technical error goes to the log.
        "status": status["status"],
        "status_label": status["label"],
        "reply_id": reply["id"],
        "has_letter": bool(reply.get("file")),
        "changes": [],
        "fields": [],
    }


def _from_note(note: dict) -> dict:
    return {
        "id": f"note-{note['id']}",
        "kind": "note",
        "action": "internal_note_added",
        "audience": "internal",
        "when": note["created"],
        "who": note["author"],
        "who_name": person_name(note["author"]),
        "title": action_label("internal_note_added"),
        "text": note["text"],
        "changes": [],
        "fields": [],
    }


def timeline(inquiry, audience: str = "all") -> list[dict]:
    """The entries the current user may see, oldest first (newest last).

    ``audience``: "all", "citizen" (replies and what the citizen sent) or
    "internal" (routing, state changes, notes). Internal notes only for those
    who may view them.
    """
    items = [
        _from_history(entry, index)
        for index, entry in enumerate(history_entries(inquiry))
        if entry["action"] not in FROM_OWN_STORE
    ]
    portal = api.portal.get()
    items.extend(_from_reply(reply, portal) for reply in list_replies(inquiry))
    if api.user.has_permission(VIEW_NOTES, obj=inquiry):
        items.extend(_from_note(note) for note in internal_notes(inquiry))
    for item in items:
        item["when"] = aware(item["when"])
        item["icon"] = ICONS.get(item["kind"], ICONS["other"])
    items.sort(key=lambda item: (item["when"], item["id"]))
    if audience in ("citizen", "internal"):
        items = [item for item in items if item["audience"] == audience]
    return items


def for_display(items: list[dict]) -> list[dict]:
    """Add the local time (site time zone) as text and ISO 8601."""
    for item in items:
        item["when_local"] = format_local(item["when"])
        item["when_iso"] = iso_local(item["when"])
    return items
