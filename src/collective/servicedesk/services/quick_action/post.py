"""POST @servicedesk-action: take, forward, wait, resume, remind or close."""

from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from collective.servicedesk.timeline.actions import ActionError
from collective.servicedesk.timeline.actions import run
from plone import api
from plone.restapi.serializer.converters import json_compatible

FIELDS = ("handler", "unit", "reason")


class QuickAction(ServiceDeskService):
    """200 with what changed and the review state; errors name the field."""

    writes = True

    def handle(self) -> dict:
        if not api.user.has_permission("View", obj=self.context):
            raise ServiceError(403, "You cannot see this inquiry.")
        body = self.json_body()
        action = body.get("action") if isinstance(body.get("action"), str) else ""
        values = {
            name: body[name] if isinstance(body.get(name), str) else ""
            for name in FIELDS
        }
        try:
            result = run(self.context, action, values)
        except ActionError as error:
            raise ServiceError(
                error.status, error.message, error.field or None
            ) from None
        return json_compatible(
            {
                "action": action,
                **result,
                "review_state": api.content.get_state(self.context),
                "responsible_handler": self.context.responsible_handler,
                "responsible_unit": self.context.responsible_unit,
                "due_date": self.context.due_date,
            }
        )
