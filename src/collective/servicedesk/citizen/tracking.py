"""What a citizen sees with a follow-up code: state and public replies only.

Never internal notes, history, the summary staff wrote or the answer field:
only the reference number, the state, the replies that were sent to the
citizen, the information the citizen added, and the name of the person
handling it if the administrator allows that.
"""

from collective.servicedesk import _
from collective.servicedesk.categories import get_category
from collective.servicedesk.citizen import codes
from collective.servicedesk.citizen.categories import public_label
from collective.servicedesk.history import entries
from collective.servicedesk.intake.desk import inquiry_by_uid
from collective.servicedesk.intake.inquiries import FOLLOWUP_ACTION
from collective.servicedesk.replies.storage import list_replies
from collective.servicedesk.settings import settings
from plone import api

# The workflow's states, as citizens understand them.
PUBLIC_STATES = {
    "registered": "received",
    "assigned": "in_progress",
    "in_progress": "in_progress",
    "forwarded": "in_progress",
    "answered": "answered",
    "closed": "closed",
    "filed": "closed",
}
STATE_TITLES = {
    "received": _("citizen_state_received", default="Received"),
    "in_progress": _("citizen_state_in_progress", default="Being handled"),
    "answered": _("citizen_state_answered", default="Answered"),
    "closed": _("citizen_state_closed", default="Closed"),
}
NOT_FOUND = _(
    "citizen_code_not_found",
    default="We found no inquiry for this code. Check the code: it may have "
    "expired or been withdrawn.",
)
ADDED = _(
    "citizen_information_added",
    default="Thank you. Your information was added to the inquiry.",
)
INFORMATION_INVALID = _(
    "error_information_missing",
    default="Please write what you want to add (at most 5000 characters).",
)
INQUIRY_FILED = _(
    "citizen_inquiry_filed",
    default="This inquiry is archived. Please send a new question.",
)
# Information can be added until the inquiry goes to the archive.
CLOSED_FOR_ADDITIONS = ("filed",)


def lookup(request, code: str):
    """``(inquiry, 200)`` for a valid code, else ``(None, 404 or 429)``.

    Wrong codes count against the client (``spam.lookup_failed``); a client
    over the limit is refused whatever it sends, while the holder of a valid
    code on another client is not affected.
    """
    from collective.servicedesk.citizen import spam

    if spam.lookups_blocked(request):
        return None, 429
    inquiry = inquiry_for_code(code)
    if inquiry is None:
        spam.lookup_failed(request)
        return None, 404
    if not spam.code_use_allowed(code):
        return None, 429
    return inquiry, 200


def inquiry_for_code(code: str | None):
    """Return the inquiry a valid code opens, or None (never raises)."""
    return inquiry_by_uid(codes.resolve(code))


def show_handler() -> bool:
    """May citizens see the name of the person handling their inquiry?"""
    return bool(settings().desk.citizen_show_handler)


def _handler_name(inquiry) -> str:
    handler = getattr(inquiry, "responsible_handler", None)
    user = api.user.get(userid=handler) if handler else None
    return (user.getProperty("fullname", "") or "") if user is not None else ""


def _unit_title(inquiry) -> str:
    unit = getattr(inquiry, "responsible_unit", None)
    group = api.group.get(groupname=unit) if unit else None
    return (group.getProperty("title", "") or "") if group is not None else ""


def public_replies(inquiry) -> list[dict]:
    """The replies sent to the citizen: date, channel, subject and text."""
    with_sender = show_handler()
    return [
        {
            "date": reply.get("date"),
            "channel": reply.get("channel", ""),
            "subject": reply.get("subject", ""),
            "text": reply.get("text", ""),
            "sender": reply.get("sender_name", "") if with_sender else "",
        }
        for reply in list_replies(inquiry)
    ]


def citizen_additions(inquiry) -> list[dict]:
    """What the citizen added through the tracking page (never staff notes)."""
    return [
        {"date": entry["when"], "text": entry["comment"]}
        for entry in entries(inquiry)
        if entry["action"] == FOLLOWUP_ACTION
        and entry["changes"].get("channel") == "web"
    ]


def can_add(inquiry) -> bool:
    """May the citizen still add information to ``inquiry``?"""
    return _state(inquiry) not in CLOSED_FOR_ADDITIONS


def _state(inquiry) -> str:
    workflow = api.portal.get_tool("portal_workflow")
    for workflow_id in workflow.getChainFor(inquiry):
        status = workflow.getStatusOf(workflow_id, inquiry) or {}
        if status.get("review_state"):
            return status["review_state"]
    return "registered"


def tracking_info(inquiry) -> dict:
    """Return everything the tracking page shows for ``inquiry``."""
    state = _state(inquiry)
    public_state = PUBLIC_STATES.get(state, "in_progress")
    category = get_category(getattr(inquiry, "category", None))
    return {
        "reference_number": getattr(inquiry, "reference_number", "") or "",
        "created": inquiry.created(),
        "state": public_state,
        "state_title": STATE_TITLES[public_state],
        "category": public_label(category) if category else "",
        "unit": _unit_title(inquiry),
        "handler": _handler_name(inquiry) if show_handler() else "",
        "replies": public_replies(inquiry),
        "additions": citizen_additions(inquiry),
        "can_add": state not in CLOSED_FOR_ADDITIONS,
    }
