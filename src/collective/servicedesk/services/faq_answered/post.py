"""POST @servicedesk-faq-answered: a published FAQ answered a citizen's question."""

from collective.servicedesk import _
from collective.servicedesk.citizen import spam
from collective.servicedesk.citizen.counter import record_answered
from collective.servicedesk.citizen.faq import public_faq_uids
from collective.servicedesk.knowledge.usage import count_faq_use
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone import api


class FAQAnswered(ServiceDeskService):
    """Count one question answered by the FAQ (conflict-free counter)."""

    writes = True

    def handle(self) -> None:
        uid = self.json_body().get("faq")
        if not isinstance(uid, str) or not uid or not public_faq_uids([uid]):
            raise ServiceError(
                400,
                _("error_faq_unknown", default="This is not a published FAQ entry."),
                field="faq",
            )
        if not spam.answered_allowed(self.request):
            raise ServiceError(429, spam.TOO_MANY)
        record_answered()
        # The entry's own usage count (knowledge feature) goes up as well.
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(UID=uid):
            count_faq_use(brain._unrestrictedGetObject())
        return self.reply_no_content()
