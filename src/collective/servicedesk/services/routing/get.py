"""GET @servicedesk-routing?category=…: who should get an inquiry of a category."""

from collective.servicedesk.registration.suggestion import suggestion_info
from collective.servicedesk.registration.validators import is_known_category
from collective.servicedesk.registration.validators import unknown_category_message
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError


class RoutingSuggestion(ServiceDeskService):
    """Handler, unit, source and the reason, translated (no writes)."""

    def handle(self) -> dict:
        category = self.request.form.get("category") or ""
        if not isinstance(category, str):
            category = ""
        if category and not is_known_category(category, self.context):
            raise ServiceError(400, unknown_category_message(category), "category")
        return suggestion_info(category or None)
