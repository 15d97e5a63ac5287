"""POST @faq-use on an inquiry: its answer used an FAQ entry (counted once)."""

from collective.servicedesk.knowledge.interfaces import FAQ_ENTRY
from collective.servicedesk.knowledge.usage import count_faq_use
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service


class FAQUsePost(Service):
    """Body ``{"faq": "<uid>"}``; replies ``{"faq": uid, "count": n}``."""

    def reply(self) -> dict:
        uid = (json_body(self.request) or {}).get("faq")
        brains = api.content.find(UID=uid, portal_type=FAQ_ENTRY) if uid else []
        if not brains:
            self.request.response.setStatus(400)
            return {"error": {"type": "BadRequest", "message": "Unknown FAQ entry."}}
        count = count_faq_use(brains[0].getObject(), self.context)
        return {"faq": uid, "count": count}
