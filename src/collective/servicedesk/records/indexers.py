"""Catalog indexers: the case number (normalised "2026/118") and the filing status."""

from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.records import guards  # noqa: F401 (module security for the guard)
from collective.servicedesk.records import state
from collective.servicedesk.records.model import format_case_number
from collective.servicedesk.records.model import parse_case_number
from plone.indexer import indexer


def normalise(value: str | None) -> str:
    """Return "2026/118" for " 2026 / 0118 "; other text stripped as it is."""
    parsed = parse_case_number(value)
    return format_case_number(*parsed) if parsed else (value or "").strip()


@indexer(IInquiry)
def case_number(obj) -> str:
    value = normalise(getattr(obj, "case_number", None))
    if not value:
        raise AttributeError("case_number")
    return value


@indexer(IInquiry)
def records_status(obj) -> str:
    value = state.status(obj)
    if not value:
        raise AttributeError("records_status")
    return value


@indexer(IInquiry)
def records_error(obj) -> dict:
    """Metadata: the archive's reason of a rejection (for the admin list)."""
    error = state.get(obj).get("error") or {}
    return {key: str(error.get(key, ""))[:500] for key in ("type", "id", "text")}
