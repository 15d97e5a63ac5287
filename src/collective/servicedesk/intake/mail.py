"""E-mail intake: a new inquiry, or a follow-up when the subject names one."""

from collective.servicedesk.intake.desk import find_reference
from collective.servicedesk.intake.desk import inquiry_by_reference
from collective.servicedesk.intake.inquiries import add_followup
from collective.servicedesk.intake.inquiries import create_inquiry
from collective.servicedesk.intake.inquiries import summary
from collective.servicedesk.intake.mailparse import parse_message
from collective.servicedesk.intake.mailparse import strip_quoted
from collective.servicedesk.validation import EMAIL_RE
from dataclasses import dataclass

CREATED = "created"
FOLLOWUP = "followup"
IGNORED = "ignored"


@dataclass
class IntakeResult:
    """What the intake did with one message."""

    outcome: str  # created | followup | ignored
    inquiry: object = None
    reason: str = ""


def intake_mail(raw: bytes | str, desk=None) -> IntakeResult:
    """Turn one raw RFC 822 message into an inquiry or a follow-up."""
    mail = parse_message(raw)
    if mail.automatic:
        return IntakeResult(IGNORED, reason="automatic")
    if not (mail.text or mail.subject or mail.attachments):
        return IntakeResult(IGNORED, reason="empty")
    inquiry = inquiry_by_reference(find_reference(mail.subject))
    if inquiry is not None:
        # Who may add to an inquiry by e-mail: anyone who knows its number,
        # as with any shared mailbox; the history says whether the sender is
        # the address the inquiry came from, so staff can tell.
        stored_email = (getattr(inquiry, "requester_email", "") or "").lower()
        add_followup(
            inquiry,
            "email",
            strip_quoted(mail.text),
            sender=mail.from_email,
            attachments=mail.attachments,
            subject=mail.subject,
            known_sender=bool(stored_email) and stored_email == mail.from_email,
        )
        return IntakeResult(FOLLOWUP, inquiry)
    if mail.from_email and not EMAIL_RE.match(mail.from_email):
        mail.from_email = ""
    data = {
        "title": summary(mail.subject) or summary(mail.text),
        "description": mail.text,
        "requester_name": mail.from_name,
        "requester_email": mail.from_email,
        "reply_channel": "email" if mail.from_email else "none",
        "anonymous": not (mail.from_email or mail.from_name),
    }
    inquiry = create_inquiry("email", data, attachments=mail.attachments, desk=desk)
    return IntakeResult(CREATED, inquiry)
