"""Quick registration from the workspace bar, optionally closed with an FAQ answer.

The bar only picks its fields from the request; checking, routing and the
history come from the registration use case (``registration.usecase``), as
for the form and the REST service.
"""

from collective.servicedesk import _
from collective.servicedesk.registration import usecase
from collective.servicedesk.registration.service import close_on_first_contact
from collective.servicedesk.vocabularies.inquiry_fields import INQUIRY_FIELDS
from collective.servicedesk.workspace import bridge
from collective.servicedesk.workspace import faq
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate

# What the bar sends; everything else belongs in the full registration form.
# The caller's contact data is optional and folded away: never required here.
QUICK_FIELDS = (
    "title",
    "channel",
    "category",
    "description",
    "requester_name",
    "requester_phone",
    "requester_email",
)
CALLER_FIELDS = ("requester_name", "requester_phone", "requester_email")
# Every channel an inquiry can come in by; phone and visit come first in the bar.
QUICK_CHANNELS = ("phone", "visit", "email", "sms", "letter", "web", "chat", "social")


def quick_channels() -> list[dict]:
    """The channels of the bar, in its order, with translated titles."""
    from collective.servicedesk.vocabularies.inquiry_choices import CHANNELS

    titles = dict(CHANNELS)
    return [{"id": name, "title": titles[name]} for name in QUICK_CHANNELS]


class QuickError(ValueError):
    """Input the registration refuses: {field: translatable message}."""

    def __init__(self, errors: dict) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


def clean(form: dict) -> dict:
    """Pick and strip the quick-bar fields of a request form."""
    data = {}
    for name in QUICK_FIELDS:
        value = form.get(name)
        if isinstance(value, (list, tuple)):
            value = value[0] if value else ""
        value = value.strip() if isinstance(value, str) else ""
        if value:
            data[name] = value
    return data


def field_title(name: str) -> str:
    """The translated label of an inquiry field (the control panel's wording)."""
    titles = dict(INQUIRY_FIELDS)
    return translate(titles[name], context=getRequest()) if name in titles else name


def validate(data: dict, context, close: bool = False) -> tuple[dict, dict]:
    """The use case's check; errors of fields the bar lacks are shown as "form"."""
    checked, errors = usecase.validate(data, context, getRequest(), close=close)
    shown = {name: message for name, message in errors.items() if name in QUICK_FIELDS}
    elsewhere = [name for name in errors if name not in QUICK_FIELDS]
    if elsewhere:
        shown["form"] = _(
            "ws_error_full_form",
            default="This service desk requires more fields than the quick bar has "
            "(${fields}). Use the full registration form.",
            mapping={"fields": ", ".join(field_title(name) for name in elsewhere)},
        )
    return checked, shown


def result(inquiry) -> dict:
    """What the bar needs to know about the inquiry it registered."""
    state = inquiry.__dict__
    return {
        "uid": api.content.get_uuid(inquiry),
        "url": inquiry.absolute_url(),
        "reference": state.get("reference_number") or "",
        "title": inquiry.Title(),
        "state": api.content.get_state(inquiry),
        "handler": state.get("responsible_handler") or "",
        "unit": state.get("responsible_unit") or "",
    }


def _faq_entry(faq_uid: str) -> dict:
    entry = faq.get_entry(faq_uid)
    if entry is None:
        raise QuickError(
            {
                "faq": _(
                    "ws_error_faq_gone",
                    default="This FAQ entry is no longer available.",
                )
            }
        )
    return entry


def register(form: dict, faq_uid: str = "") -> dict:
    """Register an inquiry from the bar; with an FAQ, answer and close it at once.

    Routed exactly as from the registration form: when routing finds nobody,
    the inquiry waits unassigned in the desk's queue (it does not stay with
    the agent).
    """
    data = clean(form)
    data.setdefault("channel", "phone")
    entry = _faq_entry(faq_uid) if faq_uid else None
    if entry is not None and not data.get("title"):
        data["title"] = entry["title"]
    desk = bridge.service_desk()
    checked, errors = validate(
        data, desk if desk is not None else api.portal.get(), close=entry is not None
    )
    if errors:
        raise QuickError(errors)
    if desk is None:
        raise QuickError(
            {
                "form": _(
                    "ws_error_no_desk",
                    default="There is no service desk to register in.",
                )
            }
        )
    if not api.user.has_permission("collective.servicedesk: Add Inquiry", obj=desk):
        raise QuickError(
            {"form": _("ws_error_not_allowed", default="You may not do this here.")}
        )
    if entry is None:
        return result(usecase.register(desk, checked))
    inquiry = usecase.register(
        desk,
        checked,
        close=True,
        answer=entry["answer"],
        then=lambda inquiry: faq.count_use(entry, inquiry),
    )
    return result(inquiry)


def answer_with_faq(inquiry_uid: str, faq_uid: str) -> dict:
    """Answer an open inquiry with an FAQ entry and close it (first contact)."""
    inquiry = api.content.get(UID=inquiry_uid) if inquiry_uid else None
    if inquiry is None or inquiry.portal_type != "Inquiry":
        raise QuickError(
            {"form": _("ws_error_no_inquiry", default="Inquiry not found.")}
        )
    if not api.user.has_permission("Modify portal content", obj=inquiry):
        raise QuickError(
            {"form": _("ws_error_not_allowed", default="You may not do this here.")}
        )
    if api.content.get_state(inquiry) in ("closed", "filed"):
        raise QuickError(
            {"form": _("ws_error_closed", default="This inquiry is already closed.")}
        )
    entry = _faq_entry(faq_uid)
    close_on_first_contact(inquiry, entry["answer"])
    faq.count_use(entry, inquiry)
    return result(inquiry)
