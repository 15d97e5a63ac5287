"""Remove the personal data of an inquiry and keep the anonymous business record.

What stays: reference number, category, channel, service level, unit, dates,
state, the anonymous flag, archive data and the (non-personal) history, so the
statistics count the inquiry as before. What goes: the requester fields, the
personal notes, the free text if it was marked personal, and the addresses and
texts of the replies (also in the mail queue and the SMS outbox), the e-mail
attachments and the texts the citizen added through the citizen channels, and
the follow-up code (a code must not outlive the data it shows), and the
follow-ups from unknown senders still held for review.
"""

from collective.servicedesk import _
from collective.servicedesk.behaviors.requester import PERSONAL_FIELDS
from collective.servicedesk.citizen import codes
from collective.servicedesk.history import record as history_record
from collective.servicedesk.history.storage import ANNOTATION_KEY as HISTORY_KEY
from collective.servicedesk.intake import held
from collective.servicedesk.intake.attachments import ANNOTATION_KEY as ATTACHMENTS_KEY
from collective.servicedesk.notifications import queue as mailqueue
from collective.servicedesk.privacy.data import ANNOTATION_KEY
from collective.servicedesk.replies import outbox
from collective.servicedesk.replies.storage import list_replies
from collective.servicedesk.replies.storage import update_reply
from collective.servicedesk.replies.values import to_citizen
from datetime import UTC
from datetime import datetime
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

REINDEX = ["has_personal_data", "contact_hashes"]
TEXT_INDEXES = [
    "SearchableText",
    "servicedesk_text",
    "Title",
    "sortable_title",
    "Description",
]
FINISHED = (mailqueue.SENT, mailqueue.GIVEN_UP, mailqueue.SKIPPED)


def removed_marker() -> str:
    """Return the text that replaces removed free text."""
    return to_citizen(_("privacy_removed", default="[removed]"))


def _scrub_mail_queue(uid: str, marker: str, text_is_personal: bool) -> int:
    """Remove citizen data from finished queue items of the inquiry."""
    changed = 0
    for key in mailqueue.keys_for("by_context", uid):
        item = mailqueue.get_item(key)
        if item is None or item["status"] not in FINISHED:
            continue
        if item.get("kind") == "reply":
            changes = {"to": [], "attachments": []}
            changes.update(subject=marker, body=marker, html=None)
        elif text_is_personal:
            changes = {"subject": marker, "body": marker, "html": None}
        else:
            continue
        mailqueue.update_item(key, **changes)
        changed += 1
    return changed


def _scrub_replies(obj: object, marker: str) -> int:
    """Remove recipients, texts and letters of the replies; keep channel and date."""
    changed = 0
    for reply in list_replies(obj):
        if reply.get("anonymised"):
            continue
        if reply["channel"] == "sms" and reply.get("delivery_key"):
            outbox.scrub(reply["delivery_key"], marker)
        update_reply(
            obj,
            reply["id"],
            recipient="",
            recipient_name="",
            recipient_address="",
            subject=marker if reply.get("subject") else "",
            text=marker,
            file=None,
            anonymised=True,
        )
        changed += 1
    return changed


# History entries whose comment is the citizen's own text, with sender details.
CITIZEN_ACTIONS = ("citizen_information",)


def _scrub_citizen_channels(obj: object, marker: str) -> list[str]:
    """Remove attachments, the citizen's added texts and the follow-up code."""
    removed = []
    annotations = IAnnotations(obj)
    if annotations.pop(ATTACHMENTS_KEY, None) is not None:
        removed.append("attachments")
    history = annotations.get(HISTORY_KEY) or []
    for index, entry in enumerate(history):
        if entry.get("action") not in CITIZEN_ACTIONS:
            continue
        changes = {
            key: value
            for key, value in entry.get("changes", {}).items()
            if key not in ("sender", "attachments")
        }
        if entry.get("comment") != marker or changes != entry.get("changes"):
            history[index] = dict(entry, comment=marker, changes=changes)
            if "citizen_information" not in removed:
                removed.append("citizen_information")
    if codes.revoke_uid(api.content.get_uuid(obj)):
        removed.append("followup_code")
    if held.drop_all(obj):  # follow-ups from unknown senders, never reviewed
        removed.append("held_mail")
    return removed


def anonymise(obj: object, reason: str, action: str = "anonymised") -> dict:
    """Remove the personal data of ``obj``; return what was removed (field names)."""
    marker = removed_marker()
    removed = []
    for name in PERSONAL_FIELDS + ("personal_notes",):
        if getattr(obj, name, None):
            setattr(obj, name, None if name in PERSONAL_FIELDS else "")
            removed.append(name)
    text_is_personal = bool(getattr(obj, "free_text_personal", False))
    if text_is_personal:
        obj.free_text_personal = False  # the personal text is gone now
        if getattr(obj, "title", None):
            obj.title = ""  # Title() falls back to the reference number
            removed.append("title")
        for name in ("description", "answer"):
            if getattr(obj, name, None):
                setattr(obj, name, marker)
                removed.append(name)
    replies = _scrub_replies(obj, marker)
    if replies:
        removed.append("replies")
    removed.extend(_scrub_citizen_channels(obj, marker))
    uid = api.content.get_uuid(obj)
    if _scrub_mail_queue(uid, marker, text_is_personal):
        removed.append("mail_queue")
    user = api.user.get_current()
    IAnnotations(obj)[ANNOTATION_KEY] = PersistentMapping(
        {
            "anonymised": datetime.now(UTC),
            "reason": reason,
            "action": action,
            "by": user.getId() if user else None,
            "removed": list(removed),
        }
    )
    history_record(obj, action, comment=reason, changes={"fields": removed})
    obj.reindexObject(idxs=REINDEX + (TEXT_INDEXES if text_is_personal else []))
    return {"uid": uid, "removed": removed}
