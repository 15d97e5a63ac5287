"""POST @servicedesk-assign on an inquiry: give it to another handler or unit."""

from collective.servicedesk import _
from collective.servicedesk.content.assignment import assign
from collective.servicedesk.registration.service import mark_assigned
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from collective.servicedesk.services.fields import raise_errors
from collective.servicedesk.services.register.post import inquiry_summary
from plone import api

UNKNOWN_HANDLER = _("error_unknown_handler", default="There is no such user.")
UNKNOWN_UNIT = _("error_unknown_unit", default="There is no such unit.")
NO_TARGET = _("error_no_target", default="Give a handler, a unit or both.")
UNCHANGED = _(
    "error_assignment_unchanged",
    default="The inquiry is already assigned this way.",
)


class Assign(ServiceDeskService):
    """``{"handler": user id, "unit": group id, "reason": text}``."""

    writes = True

    def handle(self) -> dict:
        body = self.json_body()
        handler, unit = body.get("handler") or None, body.get("unit") or None
        reason = body.get("reason") if isinstance(body.get("reason"), str) else ""
        errors = []
        if handler is not None and (
            not isinstance(handler, str) or api.user.get(userid=handler) is None
        ):
            errors.append(("handler", UNKNOWN_HANDLER))
        if unit is not None and (
            not isinstance(unit, str) or api.group.get(groupname=unit) is None
        ):
            errors.append(("unit", UNKNOWN_UNIT))
        if not errors and handler is None and unit is None:
            errors.append(("handler", NO_TARGET))
        raise_errors(errors, self.translate)
        if not assign(self.context, handler=handler, unit=unit, reason=reason):
            raise ServiceError(409, UNCHANGED)
        mark_assigned(self.context)
        return inquiry_summary(self.context)
