"""Register inquiries: the quick form, register-and-close and tally mode share this."""

from collective.servicedesk import _
from collective.servicedesk.categories import get_category
from collective.servicedesk.content.assignment import assign
from collective.servicedesk.routing import Suggestion
from collective.servicedesk.routing import suggest
from plone import api
from plone.dexterity.utils import createContentInContainer
from zope.globalrequest import getRequest
from zope.i18n import translate

# Fields the form hands to the new inquiry as they are.
INQUIRY_FIELDS = (
    "title",
    "description",
    "channel",
    "category",
    "tags",
    "service_level",
    "anonymous",
    "requester_name",
    "requester_phone",
    "requester_email",
    "requester_organisation",
    "reply_channel",
    "due_date",
    "archive_worthy",
    "case_number",
    "registry_entry_id",
    "object_type",
    "object_value",
    "confidential",
)


def _text(message) -> str:
    """Translate a message for storage (history comments, titles)."""
    return translate(message, context=getRequest())


def is_override(
    suggestion: Suggestion | None, handler: str | None, unit: str | None
) -> bool:
    """True when the agent's choice replaces a suggestion that exists."""
    if not (handler or unit) or suggestion is None:
        return False
    if not (suggestion.handler or suggestion.unit):
        return False
    return (handler or None, unit or None) != (suggestion.handler, suggestion.unit)


def route(
    inquiry,
    handler: str | None = None,
    unit: str | None = None,
    reason: str = "",
    suggestion: Suggestion | None = None,
) -> bool:
    """Apply the agent's choice (with its reason) or else the routing suggestion.

    ``suggestion`` is the routing suggestion for the inquiry's category when
    the caller has it already (``register`` asks before the inquiry exists).
    """
    if suggestion is None:
        suggestion = suggest(getattr(inquiry, "category", None))
    if handler or unit:
        if is_override(suggestion, handler, unit):
            comment = _text(
                _(
                    "history_routing_override",
                    default="Routing suggestion overridden: ${reason}",
                    mapping={"reason": reason},
                )
            )
        else:
            comment = reason or _text(suggestion.reason)
        return assign(inquiry, handler=handler, unit=unit, reason=comment)
    if getattr(inquiry, "responsible_handler", None) or getattr(
        inquiry, "responsible_unit", None
    ):
        return False  # already routed (e.g. by a subscriber): keep it
    if suggestion.handler or suggestion.unit:
        return assign(
            inquiry,
            handler=suggestion.handler,
            unit=suggestion.unit,
            reason=_text(suggestion.reason),
        )
    return False


def _create(desk, data: dict, **extra):
    """Create an inquiry in `desk` from the form fields in `data`."""
    values = {name: data[name] for name in INQUIRY_FIELDS if data.get(name) is not None}
    if not values.get("title"):
        values.pop("title", None)  # the inquiry shows its reference number instead
    if values.get("category") and not values.get("service_level"):
        # The category's step on the service ladder, unless the agent chose one.
        level = (get_category(values["category"]) or {}).get("service_level")
        if level:
            values["service_level"] = level
    values.update(extra)
    # Named once, before it is added (the reference number): plone.api's
    # create-then-rename would catalogue and move every new inquiry twice.
    return createContentInContainer(desk, "Inquiry", **values)


def register(
    desk,
    data: dict,
    handler: str | None = None,
    unit: str | None = None,
    reason: str = "",
):
    """Create an inquiry in `desk` from form data and route it; return the inquiry.

    The routing suggestion is asked before the inquiry is created. Its load
    count reads the catalogue's indexes, which first indexes whatever this
    transaction has queued: asked afterwards, the new inquiry was catalogued
    there and then, and again at commit once it was routed and assigned (at
    100 000 inquiries a whole cataloguing and the "registered" state's index
    buckets per registration, issue 19). The new inquiry has no handler yet,
    so it never counted in the load.
    """
    suggestion = suggest(data.get("category"))
    inquiry = _create(desk, data)
    route(inquiry, handler=handler, unit=unit, reason=reason, suggestion=suggestion)
    mark_assigned(inquiry)
    return inquiry


def mark_assigned(inquiry) -> bool:
    """Move a routed inquiry from "registered" to "assigned" through the workflow."""
    if api.content.get_state(obj=inquiry) != "registered":
        return False
    workflow = api.portal.get_tool("portal_workflow")
    available = {t["id"] for t in workflow.getTransitionsFor(inquiry)}
    if "assign" not in available:  # no target, or no right to assign
        return False
    api.content.transition(obj=inquiry, transition="assign")
    return True


def close_on_first_contact(inquiry, answer: str = "") -> None:
    """Record a first-contact answer and close the inquiry through the workflow."""
    inquiry.solved_first_contact = True
    if answer:
        inquiry.answer = answer
    inquiry.reindexObject(idxs=["solved_first_contact", "servicedesk_text"])
    api.content.transition(obj=inquiry, to_state="closed")


def register_and_close(desk, data: dict, answer: str = ""):
    """Register an inquiry solved on first contact, closed in the same step.

    It is not routed: nobody else has to act on it.
    """
    inquiry = _create(desk, data)
    close_on_first_contact(inquiry, answer)
    return inquiry


def tally_title(category_title: str):
    """The summary of a tally inquiry, e.g. "Tally: Building permits"."""
    return _(
        "tally_title",
        default="Tally: ${category}",
        mapping={"category": category_title},
    )


def register_tally(desk, category: str, channel: str, category_title: str = ""):
    """Count one inquiry of `category` by `channel`: no text, closed at once."""
    data = {
        "title": _text(tally_title(category_title or category)),
        "category": category,
        "channel": channel,
        "anonymous": True,
    }
    inquiry = _create(desk, data, tally=True)
    close_on_first_contact(inquiry)
    return inquiry
