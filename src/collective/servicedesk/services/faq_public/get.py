"""GET @servicedesk-faq-public?q=…: public FAQ entries matching a question."""

from collective.servicedesk.citizen.faq import public_faq_suggestions
from collective.servicedesk.rest.base import ServiceDeskService

MAX_QUERY = 500


class PublicFAQSuggestions(ServiceDeskService):
    """Suggestions for the citizen form: published, anonymous-visible FAQ only."""

    def handle(self) -> dict:
        query = self.request.form.get("q", "")
        query = query[:MAX_QUERY] if isinstance(query, str) else ""
        items = public_faq_suggestions(query)
        return {"items": items, "items_total": len(items)}
