"""POST @servicedesk-mail: feed one raw e-mail (RFC 822) to the intake.

For a mail server's pipe or a mail gateway: send the message as the body with
``Content-Type: message/rfc822``, or as JSON ``{"message": "<raw text>"}`` or
``{"message_base64": "…"}``.
"""

from collective.servicedesk import _
from collective.servicedesk.intake.inquiries import NO_SERVICE_DESK
from collective.servicedesk.intake.inquiries import NoServiceDesk
from collective.servicedesk.intake.mail import CREATED
from collective.servicedesk.intake.mail import intake_mail
from collective.servicedesk.services.base import ServiceDeskService
from collective.servicedesk.services.base import ServiceError
import base64
import binascii

MAX_BYTES = 40 * 1024 * 1024
STATUS = {"created": 201, "followup": 200, "ignored": 202}


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

    def raw_message(self) -> bytes:
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
        raw = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
        if not raw.strip():
            raise ServiceError(
                400,
                _("error_mail_missing", default="The e-mail message is missing."),
                field="message",
            )
        if len(raw) > MAX_BYTES:
            raise ServiceError(
                413, _("error_mail_too_large", default="The e-mail is too large.")
            )
        return raw

    def handle(self) -> dict:
        raw = self.raw_message()
        try:
            result = intake_mail(raw)
        except NoServiceDesk:
            raise ServiceError(409, NO_SERVICE_DESK) from None
        self.request.response.setStatus(STATUS.get(result.outcome, 200))
        answer = describe(result)
        if result.outcome == CREATED:
            self.request.response.setHeader("Location", answer["@id"])
        return answer
