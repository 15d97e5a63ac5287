"""POST @faq-use on an inquiry: its answer used an FAQ entry (counted once)."""

from collective.servicedesk import _
from collective.servicedesk.knowledge.interfaces import FAQ_ENTRY
from collective.servicedesk.knowledge.usage import count_faq_use
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone import api


class FAQUsePost(ServiceDeskService):
    """Body ``{"faq": "<uid>"}``; replies ``{"faq": uid, "count": n}``."""

    writes = True

    def handle(self) -> dict:
        uid = self.json_body().get("faq")
        uid = uid if isinstance(uid, str) else None
        brains = api.content.find(UID=uid, portal_type=FAQ_ENTRY) if uid else []
        if not brains:
            raise ServiceError(
                400,
                _("error_unknown_faq", default="Unknown FAQ entry."),
                field="faq",
            )
        count = count_faq_use(brains[0].getObject(), self.context)
        return {"faq": uid, "count": count}
