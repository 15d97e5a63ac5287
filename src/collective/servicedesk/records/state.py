"""The filing state of one inquiry, kept in an annotation (plain built-in values).

``status`` is "" (never requested), "pending" (messages out, receipts not all
back), "filed" (every journalpost has its receipt) or "rejected" (the archive
refused; an agent fixes and resends). Each journalpost is one message with a
fixed id, chosen when filing is requested.
"""

from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations

ANNOTATION_KEY = "collective.servicedesk.records"
PENDING = "pending"
FILED = "filed"
REJECTED = "rejected"
STATUSES = (PENDING, FILED, REJECTED)
# Message states within a filing.
WAITING = "waiting"  # not spooled yet (waits for the case number)
SPOOLED = "spooled"
RECEIVED = "received"  # the archive has the message; receipt still to come
DONE = "done"
FAILED = "failed"


def get(obj: object) -> dict:
    """Return a copy of the filing state (empty dict if never requested)."""
    data = IAnnotations(obj).get(ANNOTATION_KEY)
    if data is None:
        return {}
    copy = dict(data)
    copy["messages"] = [dict(m) for m in data.get("messages", ())]
    return copy


def put(obj: object, data: dict) -> None:
    """Store the filing state (a fresh copy: never mutated in place)."""
    stored = PersistentMapping(data)
    stored["messages"] = [dict(m) for m in data.get("messages", ())]
    IAnnotations(obj)[ANNOTATION_KEY] = stored


def status(obj: object) -> str:
    """Return "", "pending", "filed" or "rejected"."""
    data = IAnnotations(obj).get(ANNOTATION_KEY)
    return data.get("status", "") if data is not None else ""


def record_demo_receipt(obj) -> None:
    """Mark ``obj`` filed as if the receipt had come (demo content and tests only)."""
    from datetime import UTC
    from datetime import datetime

    put(
        obj,
        {
            "status": FILED,
            "case_number": (getattr(obj, "case_number", None) or "").strip(),
            "messages": [],
            "filed": datetime.now(UTC),
            "demo": True,
        },
    )
    obj.reindexObject(idxs=["records_status", "case_number", "records_error"])
