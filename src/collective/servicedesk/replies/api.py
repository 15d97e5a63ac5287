"""Send a public reply to the citizen by e-mail, letter or SMS."""

from collective.servicedesk import _
from collective.servicedesk.history import record as history_record
from collective.servicedesk.notifications import queue_mail
from collective.servicedesk.notifications.message import message_id
from collective.servicedesk.notifications.sender import sender
from collective.servicedesk.replies import delivery
from collective.servicedesk.replies import outbox
from collective.servicedesk.replies.letter_pdf import letter_file
from collective.servicedesk.replies.storage import CHANNELS
from collective.servicedesk.replies.storage import add_reply
from collective.servicedesk.replies.storage import new_id
from collective.servicedesk.replies.values import default_subject
from collective.servicedesk.validation import EMAIL_RE
from collective.servicedesk.validation import PHONE_RE
from datetime import UTC
from datetime import datetime
from plone import api
from zope.i18nmessageid import Message
import re

# Longer texts would be split into too many SMS parts.
MAX_SMS_LENGTH = 1000


class ReplyError(ValueError):
    """The reply cannot be sent as given; ``message`` says why (translatable)."""

    def __init__(self, message: Message, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def normalise_phone(phone: str) -> str:
    """Return ``phone`` without spaces and dashes, Norwegian numbers as +47…."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if len(digits) == 8 and digits.isdigit():
        digits = "+47" + digits
    return digits


def _check(channel: str, text: str, recipient: str, name: str, address: str) -> None:
    if channel not in CHANNELS:
        raise ReplyError(
            _("error_reply_channel", default="Choose a channel."), "channel"
        )
    if not text.strip():
        raise ReplyError(_("error_reply_text", default="Write the reply."), "text")
    if channel == "email" and not EMAIL_RE.match(recipient):
        raise ReplyError(
            _("error_reply_email", default="Enter a valid e-mail address."),
            "recipient",
        )
    if channel == "sms":
        if not PHONE_RE.match(recipient):
            raise ReplyError(
                _("error_reply_phone", default="Enter a valid mobile phone number."),
                "recipient",
            )
        if len(text) > MAX_SMS_LENGTH:
            raise ReplyError(
                _(
                    "error_reply_sms_length",
                    default="An SMS can be at most ${max} characters long.",
                    mapping={"max": MAX_SMS_LENGTH},
                ),
                "text",
            )
    if channel == "letter" and not (name.strip() or address.strip()):
        raise ReplyError(
            _(
                "error_reply_letter",
                default="Enter the name or address of the recipient.",
            ),
            "recipient_address",
        )


def send_reply(
    inquiry: object,
    channel: str,
    text: str,
    *,
    subject: str = "",
    recipient: str = "",
    recipient_name: str = "",
    recipient_address: str = "",
    template_id: str = "",
) -> dict:
    """Record a public reply on ``inquiry`` and send it after the commit; return it.

    E-mail goes through the outgoing-mail queue, SMS through the SMS outbox
    (both retried by the tick); a letter becomes a PDF to print.
    """
    text = (text or "").replace("\r\n", "\n").strip()
    recipient = (recipient or "").strip()
    recipient_name = (recipient_name or "").strip()
    recipient_address = (recipient_address or "").replace("\r\n", "\n").strip()
    _check(channel, text, recipient, recipient_name, recipient_address)
    subject = " ".join((subject or "").split()) or default_subject(inquiry)
    reference = getattr(inquiry, "reference_number", None) or ""
    uid = api.content.get_uuid(inquiry)
    user = api.user.get_current()
    reply_id = new_id()
    key = f"reply:{uid}:{reply_id}"
    reply = {
        "id": reply_id,
        "date": datetime.now(UTC),
        "channel": channel,
        "subject": subject if channel != "sms" else "",
        "text": text,
        "recipient": recipient if channel != "letter" else "",
        "recipient_name": recipient_name,
        "recipient_address": recipient_address if channel == "letter" else "",
        "sender_id": user.getId(),
        "sender_name": user.getProperty("fullname", "") or user.getId(),
        "template_id": template_id or "",
        "delivery_key": "",
        "message_id": "",
        "file": None,
        "anonymised": False,
    }
    if channel == "email":
        name, address = sender()
        prefix = f"[{reference}] " if reference else ""
        reply["delivery_key"] = queue_mail(
            [recipient],
            prefix + subject,
            text,
            key=key,
            kind="reply",
            reply_to=address,
            headers={"X-Servicedesk-Reference": reference} if reference else None,
            context_uid=uid,
            from_name=name,
            from_address=address,
            auto_submitted=False,
        )
        reply["message_id"] = message_id(key, address)
    elif channel == "sms":
        phone = normalise_phone(recipient)
        reply["recipient"] = phone
        outbox.add_item(key, phone, text, reference)
        delivery.schedule(api.portal.get(), [key])
        reply["delivery_key"] = key
    else:
        reply["file"] = letter_file(inquiry, reply)
    reply = add_reply(inquiry, reply)
    # No subject or recipient in the history: it outlives anonymising.
    history_record(inquiry, f"reply_{channel}", changes={"reply": reply_id})
    inquiry.reindexObject(idxs=["has_personal_data", "contact_hashes"])
    return reply
