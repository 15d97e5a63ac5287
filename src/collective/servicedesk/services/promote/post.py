"""POST @servicedesk-promote on a solved inquiry: a redacted FAQ or experience draft."""

from collective.servicedesk.knowledge.promote import PromoteError
from collective.servicedesk.knowledge.promote import promote_inquiry
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone import api


class Promote(ServiceDeskService):
    """``{"kind": "faq" | "experience"}``; 201 with the draft (a human reviews it)."""

    writes = True

    def handle(self) -> dict:
        kind = self.json_body().get("kind", "faq")
        if not isinstance(kind, str):
            kind = ""
        try:
            draft = promote_inquiry(self.context, kind=kind)
        except PromoteError as error:
            status = 400 if kind not in ("faq", "experience") else 409
            field = "kind" if status == 400 else None
            raise ServiceError(status, error.message, field) from None
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", draft.absolute_url())
        return {
            "@id": draft.absolute_url(),
            "@type": draft.portal_type,
            "UID": draft.UID(),
            "title": draft.Title(),
            "review_state": api.content.get_state(draft),
        }
