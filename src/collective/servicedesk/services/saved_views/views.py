"""GET/POST @servicedesk-saved-views on a service desk: the user's listing views.

POST ``{"name": …, "filters": {state, channel, category, unit, handler, text,
overdue, tally}}`` saves (or replaces) a view; ``{"delete": name}`` removes one.
"""

from collective.servicedesk.queues import saved
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone import api


class List(ServiceDeskService):
    """The current user's saved views."""

    def handle(self) -> dict:
        user_id = api.user.get_current().getId()
        return {"items": saved.views_of(self.context, user_id)}


class Save(ServiceDeskService):
    """Save or delete one of the current user's views."""

    writes = True

    def handle(self) -> dict:
        body = self.json_body()
        user_id = api.user.get_current().getId()
        if body.get("delete"):
            return {"items": saved.delete(self.context, user_id, body["delete"])}
        filters = body.get("filters") or {}
        if not isinstance(filters, dict):
            filters = {}
        try:
            items = saved.save(self.context, user_id, body.get("name"), filters)
        except saved.SavedViewError as error:
            raise ServiceError(400, error.message, error.field) from error
        return {"items": items}
