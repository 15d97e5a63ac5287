"""SMS intake: a new inquiry, or a follow-up when the text names one (see mail.py)."""

from collective.servicedesk.intake.desk import find_reference
from collective.servicedesk.intake.desk import inquiry_by_reference
from collective.servicedesk.intake.inquiries import add_followup
from collective.servicedesk.intake.inquiries import create_inquiry
from collective.servicedesk.intake.inquiries import summary
from collective.servicedesk.intake.mail import CREATED
from collective.servicedesk.intake.mail import FOLLOWUP
from collective.servicedesk.intake.mail import HELD
from collective.servicedesk.intake.mail import IntakeResult
from collective.servicedesk.intake.review import hold_followup
from collective.servicedesk.intake.senders import is_confidential
from collective.servicedesk.intake.senders import known_phone
from collective.servicedesk.settings import secret
from collective.servicedesk.validation import PHONE_RE
import hmac

MAX_LENGTH = 5000


def shared_secret() -> str:
    """The webhook secret, from the environment only ("" when unset: webhook off)."""
    return secret("sms_inbound_secret")


def secret_matches(given: str | None) -> bool:
    """Compare ``given`` with the configured secret in constant time."""
    secret = shared_secret()
    if not secret or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), secret.encode("utf-8"))


def normalise_phone(number: str | None) -> str:
    """Return a plausible phone number as given, or an empty string."""
    number = " ".join((number or "").split())
    return number if PHONE_RE.match(number) else ""


def intake_sms(sender: str, text: str, desk=None) -> IntakeResult:
    """Turn one incoming SMS into an inquiry or a follow-up."""
    text = (text or "").strip()[:MAX_LENGTH]
    phone = normalise_phone(sender)
    inquiry = inquiry_by_reference(find_reference(text))
    if inquiry is not None:
        # As for e-mail: only the known number adds to the inquiry; others
        # wait for review, and a confidential inquiry never takes them.
        if known_phone(inquiry, phone):
            add_followup(inquiry, "sms", text, sender=phone, known_sender=True)
            return IntakeResult(FOLLOWUP, inquiry)
        if not is_confidential(inquiry):
            hold_followup(inquiry, "sms", text, phone)
            return IntakeResult(HELD, inquiry, reason="unknown_sender")
    data = {
        "title": summary(text, 80),
        "description": text,
        "requester_phone": phone,
        "reply_channel": "sms" if phone else "none",
        "anonymous": not phone,
    }
    return IntakeResult(CREATED, create_inquiry("sms", data, desk=desk))
