"""POST @chat-inquiry: the chat with a citizen becomes an inquiry with its transcript.

Body: ``{"title", "lines": [{"from", "body", "time"}], "requester_name"?,
"requester_email"?, "confidential"?}``; 201 with the inquiry and the
citizen's follow-up code (shown once, to be given in the chat).
"""

from collective.servicedesk.chat.inquiry import BAD_REQUESTER
from collective.servicedesk.chat.inquiry import to_inquiry
from collective.servicedesk.chat.transcript import TranscriptError
from collective.servicedesk.chat.transcript import check
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.errors import ServiceError

MAX_BODY = 2_500_000


class ChatInquiry(ServiceDeskService):
    """Register the chat as an inquiry (channel "chat")."""

    writes = True
    max_body = MAX_BODY
    free_fields = ("lines",)

    def handle(self) -> dict:
        data = self.json_body()
        name = data.get("requester_name") or ""
        email = data.get("requester_email") or ""
        confidential = data.get("confidential", False)
        try:
            title, lines = check(data.get("title"), data.get("lines"))
            if not isinstance(name, str) or not isinstance(email, str):
                raise TranscriptError(BAD_REQUESTER, "requester_name")
            inquiry, code = to_inquiry(title, lines, name, email, confidential is True)
        except TranscriptError as error:
            raise ServiceError(error.status, error.message, error.field) from None
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", inquiry.absolute_url())
        return {
            "@id": inquiry.absolute_url(),
            "UID": inquiry.UID(),
            "reference_number": getattr(inquiry, "reference_number", "") or "",
            "channel": inquiry.channel,
            "followup_code": code,
        }
