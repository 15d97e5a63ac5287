"""POST @servicedesk-reply on an inquiry: send a public reply (e-mail, SMS, letter)."""

from collective.servicedesk.replies.api import ReplyError
from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone.restapi.serializer.converters import json_compatible

FIELDS = (
    "channel",
    "text",
    "subject",
    "recipient",
    "recipient_name",
    "recipient_address",
    "template_id",
)


class Reply(ServiceDeskService):
    """The replies feature checks and sends; 201 with the stored reply."""

    writes = True

    def handle(self) -> dict:
        body = self.json_body()
        values = {
            name: body[name] if isinstance(body.get(name), str) else ""
            for name in FIELDS
        }
        channel, text = values.pop("channel"), values.pop("text")
        try:
            reply = send_reply(self.context, channel, text, **values)
        except ReplyError as error:
            raise ServiceError(400, error.message, error.field or None) from None
        self.request.response.setStatus(201)
        return json_compatible(
            {
                "id": reply["id"],
                "date": reply["date"],
                "channel": reply["channel"],
                "subject": reply["subject"],
                "text": reply["text"],
                "recipient": reply["recipient"],
            }
        )
