"""POST @servicedesk-answer: reply (e-mail, SMS, letter), record the answer, move on."""

from collective.servicedesk import _
from collective.servicedesk.replies.api import ReplyError
from collective.servicedesk.replies.placeholders import PATTERN
from collective.servicedesk.replies.placeholders import braced
from collective.servicedesk.replies.placeholders import fill
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from collective.servicedesk.timeline.answer import filled_values
from collective.servicedesk.timeline.answer import reply_and_answer
from plone import api
from plone.restapi.serializer.converters import json_compatible

TEXT_FIELDS = (
    "channel",
    "text",
    "subject",
    "recipient",
    "recipient_name",
    "recipient_address",
    "template_id",
)


class Answer(ServiceDeskService):
    """201 with the reply and the state; ``keep_open`` and ``close`` are booleans."""

    writes = True

    def handle(self) -> dict:
        if not api.user.has_permission("View", obj=self.context):
            raise ServiceError(403, "You cannot see this inquiry.")
        body = self.json_body()
        values = {
            name: body[name] if isinstance(body.get(name), str) else ""
            for name in TEXT_FIELDS
        }
        channel, text = values.pop("channel"), values.pop("text")
        # Placeholders are filled; one without a value for this inquiry is refused.
        known = filled_values(self.context)
        text = fill(text, known)
        values["subject"] = fill(values["subject"], known)
        left = sorted(set(PATTERN.findall(text + values["subject"])))
        if left:
            raise ServiceError(
                400,
                _(
                    "error_reply_placeholders",
                    default="Replace the placeholders ${names} before sending.",
                    mapping={"names": braced(left)},
                ),
                "text",
            )
        try:
            result = reply_and_answer(
                self.context,
                channel,
                text,
                keep_open=body.get("keep_open") is True,
                close=body.get("close") is True,
                **values,
            )
        except ReplyError as error:
            raise ServiceError(400, error.message, error.field or None) from None
        reply = result["reply"]
        self.request.response.setStatus(201)
        return json_compatible(
            {
                "reply": {
                    "id": reply["id"],
                    "date": reply["date"],
                    "channel": reply["channel"],
                    "subject": reply["subject"],
                    "text": reply["text"],
                    "recipient": reply["recipient"],
                },
                "answered": result["answered"],
                "closed": result["closed"],
                "review_state": result["state"],
            }
        )
