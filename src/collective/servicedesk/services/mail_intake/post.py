"""POST @servicedesk-mail: feed one raw e-mail (RFC 822) to the intake.

For a mail server's pipe or a mail gateway: send the message as the body with
``Content-Type: message/rfc822``, or as JSON ``{"message": "<raw text>"}`` or
``{"message_base64": "…"}``. A message beyond the intake limits (size, MIME
parts, nesting; see ``intake/limits.py``) is refused with 413 and the
reason, before any change.
"""

from collective.servicedesk import _
from collective.servicedesk.intake.inquiries import NO_SERVICE_DESK
from collective.servicedesk.intake.inquiries import NoServiceDesk
from collective.servicedesk.intake.limits import TOO_LARGE
from collective.servicedesk.intake.limits import MailLimits
from collective.servicedesk.intake.limits import MailRefused
from collective.servicedesk.intake.limits import mail_limits
from collective.servicedesk.intake.mail import CREATED
from collective.servicedesk.intake.mail import intake_mail
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
import base64
import binascii

# The transport ceiling (read by the base class before the body is read);
# the message limit itself is the intake's setting, checked in handle().
MAX_BYTES = 40 * 1024 * 1024
# Base64 in JSON is a third larger than the message it carries.
BASE64_OVERHEAD = 4 / 3
STATUS = {"created": 201, "followup": 200, "held": 202, "ignored": 202}


def describe(result) -> dict:
    """The JSON answer for an intake result (no personal data)."""
    inquiry = result.inquiry
    return {
        "outcome": result.outcome,
        "reason": result.reason,
        "reference_number": getattr(inquiry, "reference_number", "") or "",
        "@id": inquiry.absolute_url() if inquiry is not None else None,
    }


class MailIntake(ServiceDeskService):
    """A new inquiry, or a follow-up when the subject carries a reference."""

    writes = True
    max_body = MAX_BYTES
    content_types = ("application/json", "message/rfc822", "text/plain")
    free_fields = ("message", "message_base64")

    def refuse(self, refusal: MailRefused):
        return ServiceError(
            413,
            refusal.message,
            field="message",
            reason=refusal.reason,
            limit=refusal.limit,
        )

    def raw_message(self, limits: MailLimits) -> bytes:
        # The declared length first: an oversized body is never read.
        declared = self.request.getHeader("Content-Length") or ""
        if declared.isdigit() and int(declared) > limits.max_bytes * BASE64_OVERHEAD:
            raise self.refuse(MailRefused(TOO_LARGE, limits.max_bytes >> 20))
        content_type = (self.request.getHeader("Content-Type") or "").lower()
        if content_type.startswith(("message/rfc822", "text/plain")):
            raw = self.request.get("BODY") or b""
        else:
            body = self.json_body()
            raw = body.get("message") or ""
            if body.get("message_base64"):
                try:
                    raw = base64.b64decode(body["message_base64"], validate=True)
                except (binascii.Error, ValueError, TypeError):
                    raise ServiceError(
                        400,
                        _("error_mail_base64", default="message_base64 is not base64."),
                        field="message_base64",
                    ) from None
            if not isinstance(raw, str | bytes):
                raw = ""
        if isinstance(raw, str):
            # Lone surrogates from JSON ("\ud800") cannot be bytes: replaced.
            raw = raw.encode("utf-8", "replace")
        if not raw.strip():
            raise ServiceError(
                400,
                _("error_mail_missing", default="The e-mail message is missing."),
                field="message",
            )
        return raw

    def handle(self) -> dict:
        limits = mail_limits()
        raw = self.raw_message(limits)
        try:
            result = intake_mail(raw, limits=limits)
        except MailRefused as refusal:
            raise self.refuse(refusal) from None
        except NoServiceDesk:
            raise ServiceError(409, NO_SERVICE_DESK) from None
        self.request.response.setStatus(STATUS.get(result.outcome, 200))
        answer = describe(result)
        if result.outcome == CREATED:
            self.request.response.setHeader("Location", answer["@id"])
        return answer
