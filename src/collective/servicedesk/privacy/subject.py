"""Data-subject requests: find, export and erase a person's personal data."""

from collective.servicedesk.categories import get_category
from collective.servicedesk.messages import notes
from collective.servicedesk.privacy import log
from collective.servicedesk.privacy.anonymise import anonymise
from collective.servicedesk.privacy.data import anonymised_info
from collective.servicedesk.privacy.hashing import contact_hash
from collective.servicedesk.replies.status import delivery_status
from collective.servicedesk.replies.storage import list_replies
from datetime import datetime
from plone import api

FIELDS = (
    "reference_number",
    "title",
    "description",
    "channel",
    "category",
    "requester_name",
    "requester_email",
    "requester_phone",
    "requester_organisation",
    "personal_notes",
    "reply_channel",
    "answer",
    "object_type",
    "object_value",
    "case_number",
)


def _hashes(email: str = "", phone: str = "", name: str = "") -> list[str]:
    pairs = (("email", email), ("phone", phone), ("name", name))
    hashes = [contact_hash(kind, value) for kind, value in pairs if value]
    return [digest for digest in hashes if digest]


def find(email: str = "", phone: str = "", name: str = "") -> list:
    """Return catalog brains of every inquiry with one of these contact data.

    Unrestricted on purpose: the person's rights cover confidential inquiries
    too. The caller must hold "Manage personal data".
    """
    hashes = _hashes(email, phone, name)
    if not hashes:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    return list(
        catalog.unrestrictedSearchResults(
            portal_type="Inquiry", contact_hashes=hashes, sort_on="created"
        )
    )


def _json(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "ISO8601"):  # Zope DateTime
        return value.ISO8601()
    return value


def export_inquiry(obj: object) -> dict:
    """Return everything personal and business data of one inquiry, JSON-ready."""
    data = {name: _json(getattr(obj, name, None)) for name in FIELDS}
    category = get_category(data["category"]) if data["category"] else None
    data.update(
        uid=api.content.get_uuid(obj),
        url=obj.absolute_url(),
        state=api.content.get_state(obj, default=None),
        created=_json(obj.created()),
        modified=_json(obj.modified()),
        category_title=(category or {}).get("title", {}),
        anonymised=anonymised_info(obj) and _json(anonymised_info(obj)["anonymised"]),
        replies=[
            {
                "date": _json(reply["date"]),
                "channel": reply["channel"],
                "subject": reply.get("subject") or "",
                "text": reply["text"],
                "recipient": reply.get("recipient") or "",
                "recipient_name": reply.get("recipient_name") or "",
                "recipient_address": reply.get("recipient_address") or "",
                "status": delivery_status(reply)["status"],
            }
            for reply in list_replies(obj)
        ],
        # Staff notes may mention the person: the right of access covers them.
        internal_notes=[
            {"date": _json(note["created"]), "text": note["text"]}
            for note in notes(obj)
        ],
    )
    return data


def export(brains: list, reason: str, query: dict) -> list[dict]:
    """Return the export of the inquiries found and log it."""
    records = [export_inquiry(brain._unrestrictedGetObject()) for brain in brains]
    log.append("export", reason, query, [r["reference_number"] for r in records])
    return records


def erase(brains: list, reason: str, query: dict) -> list[dict]:
    """Anonymise the inquiries found (the business record stays) and log it."""
    done = []
    for brain in brains:
        obj = brain._unrestrictedGetObject()
        # The free-text reason goes to the privacy log only: it may name the person.
        result = anonymise(
            obj, reason="data_subject_request", action="personal_data_erased"
        )
        done.append({**result, "reference": brain.reference_number})
    log.append("erase", reason, query, [item["reference"] for item in done])
    return done
