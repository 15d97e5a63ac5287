"""Check a citizen's question: the web form and the REST service share this."""

from collective.servicedesk import _
from collective.servicedesk.citizen.categories import public_categories
from collective.servicedesk.citizen.spam import HONEYPOT
from collective.servicedesk.intake.inquiries import summary
from collective.servicedesk.limits import text_error
from collective.servicedesk.validation import EMAIL_RE
from collective.servicedesk.validation import PHONE_RE
from zope.i18nmessageid import Message

MIN_LENGTH = 5
MAX_LENGTH = 5000
# How the citizen wants to hear back; "anonymous" stores nothing personal.
CONTACT_CHOICES = ("anonymous", "email", "sms")
NAME_LENGTH = 200

ERRORS = {
    "question_missing": _(
        "error_question_missing", default="Please write your question."
    ),
    "question_too_long": _(
        "error_question_too_long",
        default="Please keep your question under 5000 characters.",
    ),
    "category_unknown": _(
        "error_category_unknown", default="Please choose a topic from the list."
    ),
    "contact_unknown": _(
        "error_contact_unknown", default="Please choose how we should answer you."
    ),
    "email_invalid": _(
        "error_citizen_email",
        default="Please give an e-mail address like name@example.no, or ask "
        "anonymously.",
    ),
    "phone_invalid": _(
        "error_citizen_phone",
        default="Please give a mobile number (8 digits), or ask anonymously.",
    ),
}


def _text(form: dict, name: str, length: int = NAME_LENGTH) -> str:
    value = form.get(name)
    return value.strip()[:length] if isinstance(value, str) else ""


def is_spam(form: dict) -> bool:
    """True when the honeypot field is filled in."""
    return bool(_text(form, HONEYPOT))


def check(form: dict) -> tuple[dict, dict[str, Message]]:
    """Return ``(inquiry data, errors by field)`` for a submitted form."""
    errors: dict[str, Message] = {}
    question = form.get("question") if isinstance(form.get("question"), str) else ""
    question = question.strip()
    if len(question) < MIN_LENGTH:
        errors["question"] = ERRORS["question_missing"]
    elif len(question) > MAX_LENGTH:
        errors["question"] = ERRORS["question_too_long"]
    category = _text(form, "category")
    if category and category not in {c["id"] for c in public_categories()}:
        errors["category"] = ERRORS["category_unknown"]
    contact = _text(form, "contact") or "anonymous"
    if contact not in CONTACT_CHOICES:
        errors["contact"] = ERRORS["contact_unknown"]
    data = {
        "title": summary(question),
        "description": question,
        "category": category or None,
        "anonymous": contact == "anonymous",
    }
    if contact == "email":
        email = _text(form, "email")
        if not EMAIL_RE.match(email):
            errors["email"] = ERRORS["email_invalid"]
        data.update(requester_email=email, reply_channel="email")
    elif contact == "sms":
        phone = _text(form, "phone")
        if not PHONE_RE.match(phone):
            errors["phone"] = ERRORS["phone_invalid"]
        data.update(requester_phone=phone, reply_channel="sms")
    if contact in ("email", "sms"):
        data["requester_name"] = _text(form, "name")
    for name in ("question", "name", "email", "phone", "category"):
        value = form.get(name)
        message = text_error(name, value) if isinstance(value, str) else None
        if message is not None and name not in errors:
            errors[name] = message
    # Anonymous: whatever was typed into the contact fields is dropped here.
    return data, errors
