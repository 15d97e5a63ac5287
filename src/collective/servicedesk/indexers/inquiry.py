"""Catalog indexers of inquiries (personal data is never indexed)."""

from Acquisition import aq_base
from collective.servicedesk.content.inquiry import IInquiry
from datetime import datetime
from plone.indexer import indexer
from zoneinfo import ZoneInfo


def _value(obj, name: str):
    # aq_base: a field must never be acquired from the container.
    return getattr(aq_base(obj), name, None)


def _required(obj, name: str):
    """Return a value to index, or raise AttributeError to leave it out."""
    value = _value(obj, name)
    if value is None or value == "":
        raise AttributeError(name)
    return value


def _aware(value: datetime | None) -> datetime | None:
    """Make a naive datetime aware, in the portal's time zone."""
    if value is None or value.tzinfo is not None:
        return value
    from plone.app.event.base import default_timezone

    return value.replace(tzinfo=ZoneInfo(default_timezone()))


@indexer(IInquiry)
def reference_number(obj) -> str:
    return _required(obj, "reference_number")


@indexer(IInquiry)
def inquiry_channel(obj) -> str:
    return _required(obj, "channel")


@indexer(IInquiry)
def inquiry_category(obj) -> str:
    return _required(obj, "category")


@indexer(IInquiry)
def service_level(obj) -> str:
    return _required(obj, "service_level")


@indexer(IInquiry)
def responsible_unit(obj) -> str:
    return _required(obj, "responsible_unit")


@indexer(IInquiry)
def responsible_handler(obj) -> str:
    return _required(obj, "responsible_handler")


@indexer(IInquiry)
def due_date(obj) -> datetime:
    return _aware(_required(obj, "due_date"))


@indexer(IInquiry)
def archive_worthy(obj) -> bool:
    return bool(_value(obj, "archive_worthy"))


@indexer(IInquiry)
def confidential(obj) -> bool:
    return bool(_value(obj, "confidential"))


@indexer(IInquiry)
def solved_first_contact(obj) -> bool:
    return bool(_value(obj, "solved_first_contact"))


@indexer(IInquiry)
def answered_date(obj) -> datetime:
    """When the inquiry was first answered (or closed), from the workflow history."""
    history = (getattr(obj, "workflow_history", None) or {}).get(
        "servicedesk_inquiry_workflow", ()
    )
    for entry in history:
        if entry.get("review_state") in ("answered", "closed") and entry.get("action"):
            return entry["time"].asdatetime()
    raise AttributeError("answered_date")


@indexer(IInquiry)
def Subject(obj) -> tuple:
    return tuple(_value(obj, "tags") or ())


@indexer(IInquiry)
def SearchableText(obj) -> str:
    """Summary, description, answer and reference number; no personal data."""
    parts = (
        _value(obj, "reference_number"),
        _value(obj, "title"),
        _value(obj, "description"),
        _value(obj, "answer"),
        " ".join(_value(obj, "tags") or ()),
    )
    return " ".join(part for part in parts if part)


# Catalog columns of other types (events, comments, links, knowledge entries).
# An inquiry has none of them: without an indexer the catalog would look for
# them through acquisition (desk, site, Zope root) on every registration, and
# could index a value of the container as the inquiry's.
NOT_APPLICABLE = (
    "author_name",
    "cmf_uid",
    "end",
    "faq_review_by",
    "getRawRelatedItems",
    "getRemoteUrl",
    "in_reply_to",
    "in_response_to",
    "location",
    "servicedesk_excerpt",
    "start",
    "sync_uid",
)


@indexer(IInquiry)
def not_applicable(obj):
    """Leave the column empty (Missing.Value) and the index without the inquiry."""
    raise AttributeError("not applicable to inquiries")


@indexer(IInquiry)
def exclude_from_nav(obj) -> bool:
    """Inquiries never appear in navigation (their summaries can be personal)."""
    return True
