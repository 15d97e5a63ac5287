"""Event subscribers of inquiries: reference number, anonymity, install."""

from Acquisition import aq_base
from collective.servicedesk.behaviors.requester import PERSONAL_FIELDS
from collective.servicedesk.content.reference import ensure_counters
from collective.servicedesk.content.reference import ensure_reference_number
from plone import api

PROFILE_ID = "profile-collective.servicedesk:default"


def _clear_personal_data(obj) -> bool:
    """Drop the requester's personal data of an anonymous inquiry."""
    if not getattr(obj, "anonymous", False):
        return False
    changed = False
    for name in (*PERSONAL_FIELDS, "reply_channel"):
        if getattr(obj, name, None) is not None:
            setattr(obj, name, None)
            changed = True
    return changed


def inquiry_added(obj, event) -> None:
    """Give a new (or pasted) inquiry its reference number."""
    had_number = bool(getattr(aq_base(obj), "reference_number", None))
    ensure_reference_number(obj)
    _clear_personal_data(obj)
    if not had_number:
        obj.reindexObject(
            idxs=["reference_number", "SearchableText", "servicedesk_text", "Title"]
        )


def inquiry_copied(obj, event) -> None:
    """A copy is a new inquiry: it must not keep the original's number."""
    obj.reference_number = None


def inquiry_modified(obj, event) -> None:
    """Keep an anonymous inquiry free of personal data after an edit."""
    _clear_personal_data(obj)


def profile_imported(event) -> None:
    """Create the reference counters on install, outside any registration."""
    if event.profile_id == PROFILE_ID and event.full_import:
        ensure_counters(api.portal.get())
