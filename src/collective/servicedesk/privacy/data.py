"""What personal data an inquiry holds, and whether it was anonymised."""

from collective.servicedesk.behaviors.requester import PERSONAL_FIELDS
from collective.servicedesk.replies.storage import list_replies
from zope.annotation.interfaces import IAnnotations

ANNOTATION_KEY = "collective.servicedesk.privacy"
FREE_TEXT_FIELDS = ("title", "description", "answer")


def anonymised_info(obj: object) -> dict | None:
    """Return when, why and by whom the inquiry was anonymised (None if not)."""
    info = IAnnotations(obj).get(ANNOTATION_KEY)
    return dict(info) if info else None


def contacts(obj: object) -> dict[str, list[str]]:
    """Return the e-mail addresses, phone numbers and names of the requester."""
    found = {"email": [], "phone": [], "name": []}

    def add(kind: str, value: str | None) -> None:
        value = (value or "").strip()
        if value and value not in found[kind]:
            found[kind].append(value)

    add("email", getattr(obj, "requester_email", None))
    add("phone", getattr(obj, "requester_phone", None))
    add("name", getattr(obj, "requester_name", None))
    for reply in list_replies(obj):
        kind = {"email": "email", "sms": "phone"}.get(reply["channel"])
        if kind:
            add(kind, reply.get("recipient"))
        add("name", reply.get("recipient_name"))
    return found


def has_personal_data(obj: object) -> bool:
    """True while the inquiry holds personal data that anonymising would remove."""
    if any(getattr(obj, name, None) for name in PERSONAL_FIELDS):
        return True
    if getattr(obj, "personal_notes", None):
        return True
    if getattr(obj, "free_text_personal", False):
        return True
    return any(
        not reply.get("anonymised")
        and (reply.get("recipient") or reply.get("recipient_name") or reply["text"])
        for reply in list_replies(obj)
    )
