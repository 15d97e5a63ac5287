"""Quick registration from the workspace bar, optionally closed with an FAQ answer."""

from collective.servicedesk import _
from collective.servicedesk.registration.form import required_fields
from collective.servicedesk.registration.turns import run_in_turn
from collective.servicedesk.registration.validators import is_known_category
from collective.servicedesk.registration.validators import unknown_category_message
from collective.servicedesk.validation import is_email
from collective.servicedesk.validation import is_phone
from collective.servicedesk.vocabularies.inquiry_fields import INQUIRY_FIELDS
from collective.servicedesk.workspace import bridge
from collective.servicedesk.workspace import faq
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import ValidationError

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


def _valid(check, value: str) -> bool:
    """True when a field constraint of ``validation`` accepts the value."""
    try:
        return check(value)
    except ValidationError:
        return False


def validate(data: dict) -> dict:
    """Return {field: message} for input the registration would refuse."""
    errors = {}
    required = required_fields()
    for name in required:
        if name in QUICK_FIELDS and not data.get(name):
            errors[name] = _("ws_error_required", default="Please fill in this field.")
    elsewhere = [name for name in required if name not in QUICK_FIELDS]
    if elsewhere:
        errors["form"] = _(
            "ws_error_full_form",
            default="This service desk requires more fields than the quick bar has "
            "(${fields}). Use the full registration form.",
            mapping={"fields": ", ".join(field_title(name) for name in elsewhere)},
        )
    if data.get("channel") and data["channel"] not in QUICK_CHANNELS:
        errors["channel"] = _(
            "ws_error_channel_any", default="Choose one of the listed channels."
        )
    if data.get("requester_email") and not _valid(is_email, data["requester_email"]):
        errors["requester_email"] = _(
            "ws_error_email", default="This is not an e-mail address."
        )
    if data.get("requester_phone") and not _valid(is_phone, data["requester_phone"]):
        errors["requester_phone"] = _(
            "ws_error_phone", default="This is not a phone number."
        )
    category = data.get("category")
    if category and not is_known_category(category, api.portal.get()):
        errors["category"] = unknown_category_message(category)
    return errors


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


def register(form: dict, user_id: str, faq_uid: str = "") -> dict:
    """Register an inquiry from the bar; with an FAQ, answer and close it at once."""
    data = clean(form)
    data.setdefault("channel", "phone")
    entry = _faq_entry(faq_uid) if faq_uid else None
    if entry is not None and not data.get("title"):
        data["title"] = entry["title"]
    errors = validate(data)
    if errors:
        raise QuickError(errors)
    desk = bridge.service_desk()
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

    def work():
        if entry is not None:
            inquiry = bridge.register_and_close(desk, data, entry["answer"])
            faq.count_use(entry, inquiry)
            return inquiry
        return bridge.register(desk, data, user_id)

    return result(run_in_turn(desk, work))


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
    bridge.close_on_first_contact(inquiry, entry["answer"])
    faq.count_use(entry, inquiry)
    return result(inquiry)
