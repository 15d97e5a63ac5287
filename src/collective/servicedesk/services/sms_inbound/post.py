"""POST @servicedesk-sms: the SMS gateway delivers an incoming message.

Authenticated by the shared secret in the ``X-Servicedesk-Secret`` header
(the environment variable ``SERVICEDESK_SMS_SECRET``). Body: JSON
``{"from": "+4791234567", "text": "…"}`` or the same as form fields.
"""

from collective.servicedesk import _
from collective.servicedesk.intake.inquiries import NO_SERVICE_DESK
from collective.servicedesk.intake.inquiries import NoServiceDesk
from collective.servicedesk.intake.sms import intake_sms
from collective.servicedesk.intake.sms import normalise_phone
from collective.servicedesk.intake.sms import secret_matches
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from collective.servicedesk.rest.body import check_shape
from collective.servicedesk.services.mail_intake.post import STATUS
from collective.servicedesk.services.mail_intake.post import describe

SECRET_HEADER = "X-Servicedesk-Secret"


class SMSInbound(ServiceDeskService):
    """A new inquiry (channel sms) or a follow-up by reference number."""

    writes = True
    # SMS gateways post form fields as often as JSON.
    content_types = (
        "application/json",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    )

    def payload(self) -> dict:
        content_type = (self.request.getHeader("Content-Type") or "").lower()
        if content_type.startswith("application/json"):
            return self.json_body()
        payload = {
            key: self.request.form.get(key)
            for key in ("from", "text")
            if key in self.request.form
        }
        check_shape(payload)
        return payload

    def handle(self) -> dict:
        if not secret_matches(self.request.getHeader(SECRET_HEADER)):
            raise ServiceError(
                403,
                _("error_sms_secret", default="Wrong or missing webhook secret."),
            )
        payload = self.payload()
        sender = payload.get("from") if isinstance(payload.get("from"), str) else ""
        text = payload.get("text") if isinstance(payload.get("text"), str) else ""
        if not text.strip():
            raise ServiceError(
                400,
                _("error_sms_text", default="The message text is missing."),
                field="text",
            )
        if sender and not normalise_phone(sender):
            raise ServiceError(
                400,
                _("error_sms_sender", default="The sender is not a phone number."),
                field="from",
            )
        try:
            result = intake_sms(sender, text)
        except NoServiceDesk:
            raise ServiceError(409, NO_SERVICE_DESK) from None
        self.request.response.setStatus(STATUS.get(result.outcome, 200))
        answer = describe(result)
        answer.pop("@id")  # the gateway gets no link into the intranet
        return answer
