"""Catalog indexers of the privacy features (no personal data in clear text)."""

from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.privacy.data import contacts
from collective.servicedesk.privacy.data import has_personal_data as _has_data
from collective.servicedesk.privacy.hashing import contact_hashes as _hashes
from datetime import datetime
from plone.indexer import indexer

WORKFLOW_ID = "servicedesk_inquiry_workflow"
FINISHED_STATES = ("closed", "filed")


@indexer(IInquiry)
def has_personal_data(obj) -> bool:
    """True while the inquiry holds personal data (retention looks for these)."""
    return _has_data(obj)


@indexer(IInquiry)
def contact_hashes(obj) -> list[str]:
    """Keyed hashes of the requester's contact data, for data-subject requests."""
    return _hashes(contacts(obj), create=True)


@indexer(IInquiry)
def closed_date(obj) -> datetime:
    """When the inquiry was closed (start of its closed/filed run in the history)."""
    history = (getattr(obj, "workflow_history", None) or {}).get(WORKFLOW_ID, ())
    closed = None
    for entry in reversed(history):
        if entry.get("review_state") not in FINISHED_STATES:
            break
        closed = entry["time"]
    if closed is None:
        raise AttributeError("closed_date")
    return closed.asdatetime()
