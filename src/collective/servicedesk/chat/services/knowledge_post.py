"""POST @chat-knowledge: save a chat transcript as a redacted experience document.

Body: ``{"title": str, "lines": [{"from", "body", "time"}], "inquiry": uid?}``.
The person decides; the draft goes through the knowledge review like any other.
"""

from AccessControl import Unauthorized
from collective.servicedesk import _
from collective.servicedesk.chat.transcript import TranscriptError
from collective.servicedesk.chat.transcript import check
from collective.servicedesk.chat.transcript import save_as_knowledge
from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.errors import ServiceError
from plone import api

NO_INQUIRY = _("error_chat_inquiry_not_found", default="No such inquiry.")
# A transcript of 500 messages of 4000 characters, with JSON around them.
MAX_BODY = 2_500_000


class ChatKnowledge(ServiceDeskService):
    """201 with the draft experience document."""

    writes = True
    max_body = MAX_BODY
    free_fields = ("lines",)

    def inquiry(self, uid):
        if uid in (None, ""):
            return None
        if not isinstance(uid, str) or len(uid) > 64:
            raise ServiceError(400, NO_INQUIRY, "inquiry")
        try:
            obj = api.content.get(UID=uid)
        except Unauthorized:
            obj = None
        # Unknown, not an inquiry and not visible look the same: nothing is
        # revealed, and a transcript is only ever linked to an inquiry.
        if (
            obj is None
            or not IInquiry.providedBy(obj)
            or not api.user.has_permission("View", obj=obj)
        ):
            raise ServiceError(404, NO_INQUIRY, "inquiry")
        return obj

    def handle(self) -> dict:
        data = self.json_body()
        try:
            title, lines = check(data.get("title"), data.get("lines"))
            inquiry = self.inquiry(data.get("inquiry"))
            document = save_as_knowledge(title, lines, inquiry=inquiry)
        except TranscriptError as error:
            raise ServiceError(error.status, error.message, error.field) from None
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", document.absolute_url())
        return {
            "@id": document.absolute_url(),
            "@type": document.portal_type,
            "UID": document.UID(),
            "title": document.Title(),
            "document_kind": document.document_kind,
            "review_state": api.content.get_state(document),
        }
