"""E-mail intake: a new inquiry, or a follow-up when the subject names one.

A follow-up is added to the inquiry only when it comes from the inquiry's
known address (the requester's e-mail). Otherwise it is held for staff
review (see ``review.py``). A confidential inquiry never takes mail from an
unknown sender, not even for review: such a mail becomes a new inquiry, just
as if the reference number did not exist, so the answer tells nothing.
"""

from collective.servicedesk.intake.desk import find_reference
from collective.servicedesk.intake.desk import inquiry_by_reference
from collective.servicedesk.intake.inquiries import add_followup
from collective.servicedesk.intake.inquiries import create_inquiry
from collective.servicedesk.intake.inquiries import summary
from collective.servicedesk.intake.limits import MailLimits
from collective.servicedesk.intake.mailparse import parse_message
from collective.servicedesk.intake.mailparse import strip_quoted
from collective.servicedesk.intake.review import hold_followup
from collective.servicedesk.intake.senders import is_confidential
from collective.servicedesk.intake.senders import known_email
from collective.servicedesk.limits import limit_for
from collective.servicedesk.validation import EMAIL_RE
from dataclasses import dataclass

CREATED = "created"
FOLLOWUP = "followup"
HELD = "held"
IGNORED = "ignored"
# Longer texts go into the inquiry shortened (to the field limits of the
# forms and REST services); the whole text is kept as a file.
MAX_TEXT = limit_for("description")
MAX_NAME = limit_for("requester_name")
FULL_TEXT_NAME = "message.txt"


@dataclass
class IntakeResult:
    """What the intake did with one message."""

    outcome: str  # created | followup | held | ignored
    inquiry: object = None
    reason: str = ""


def bounded_text(text: str, attachments: list) -> str:
    """Return ``text`` shortened to MAX_TEXT; the whole text joins the files."""
    if len(text) <= MAX_TEXT:
        return text
    attachments.insert(0, (FULL_TEXT_NAME, "text/plain", text.encode("utf-8")))
    return text[:MAX_TEXT] + "\n[…]"


def intake_mail(
    raw: bytes | str, desk=None, limits: MailLimits | None = None
) -> IntakeResult:
    """Turn one raw RFC 822 message into an inquiry, a follow-up or a held mail.

    Raises ``MailRefused`` (before any change) for a message beyond the limits.
    """
    mail = parse_message(raw, limits)
    mail.from_name = mail.from_name[:MAX_NAME]
    if mail.automatic:
        return IntakeResult(IGNORED, reason="automatic")
    if not (mail.text or mail.subject or mail.attachments):
        return IntakeResult(IGNORED, reason="empty")
    attachments = list(mail.attachments)
    inquiry = inquiry_by_reference(find_reference(mail.subject))
    if inquiry is not None:
        text = bounded_text(strip_quoted(mail.text), attachments)
        if known_email(inquiry, mail.from_email):
            add_followup(
                inquiry,
                "email",
                text,
                sender=mail.from_email,
                attachments=attachments,
                subject=mail.subject,
                known_sender=True,
            )
            return IntakeResult(FOLLOWUP, inquiry)
        if not is_confidential(inquiry):
            hold_followup(
                inquiry,
                "email",
                text,
                mail.from_email,
                sender_name=mail.from_name,
                subject=mail.subject,
                attachments=attachments,
            )
            return IntakeResult(HELD, inquiry, reason="unknown_sender")
        attachments = list(mail.attachments)
    if mail.from_email and not EMAIL_RE.match(mail.from_email):
        mail.from_email = ""
    data = {
        "title": summary(mail.subject) or summary(mail.text),
        "description": bounded_text(mail.text, attachments),
        "requester_name": mail.from_name,
        "requester_email": mail.from_email,
        "reply_channel": "email" if mail.from_email else "none",
        "anonymous": not (mail.from_email or mail.from_name),
    }
    inquiry = create_inquiry("email", data, attachments=attachments, desk=desk)
    return IntakeResult(CREATED, inquiry)
