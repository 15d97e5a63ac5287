"""POST @servicedesk-register on a service desk: the quick registration.

The same checks as the quick form (registration feature): the required fields
of the control panel, known categories, no due date in the past, a reason
when the agent overrides the routing suggestion. ``"close": true`` registers
and closes at once (solved on first contact, with ``answer``).
"""

from collective.servicedesk import _
from collective.servicedesk.registration import service
from collective.servicedesk.registration.form import required_fields
from collective.servicedesk.registration.schema import PERSONAL_FIELDS
from collective.servicedesk.registration.schema import form_fields
from collective.servicedesk.registration.turns import run_in_turn
from collective.servicedesk.registration.validators import DueDateInPast
from collective.servicedesk.registration.validators import check_due_date
from collective.servicedesk.registration.validators import is_known_category
from collective.servicedesk.registration.validators import unknown_category_message
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.services.fields import deserialize
from collective.servicedesk.services.fields import error_message
from collective.servicedesk.services.fields import raise_errors
from plone.restapi.serializer.converters import json_compatible
from zope.schema.interfaces import RequiredMissing

# Same message as the quick form (registration feature).
OVERRIDE_REASON = _(
    "error_override_reason",
    default="You chose another unit or handler than suggested: write why.",
)


def inquiry_summary(inquiry) -> dict:
    """What the registering services answer with."""
    from plone import api

    return json_compatible(
        {
            "@id": inquiry.absolute_url(),
            "UID": inquiry.UID(),
            "reference_number": getattr(inquiry, "reference_number", "") or "",
            "review_state": api.content.get_state(inquiry),
            "responsible_unit": getattr(inquiry, "responsible_unit", None),
            "responsible_handler": getattr(inquiry, "responsible_handler", None),
            "due_date": getattr(inquiry, "due_date", None),
        }
    )


def check(data: dict, body: dict, close: bool, context) -> list:
    """The checks z3c.form does not do by itself (as in the quick form)."""
    errors = []
    anonymous = bool(data.get("anonymous"))
    for name in required_fields():
        if anonymous and name in PERSONAL_FIELDS:
            continue
        if data.get(name) in (None, "", [], ()):
            errors.append((name, error_message(RequiredMissing(name))))
    category = body.get("category")
    if (
        isinstance(category, str)
        and category
        and not is_known_category(category, context)
    ):
        errors = [e for e in errors if e[0] != "category"]
        errors.append(("category", unknown_category_message(category)))
    try:
        check_due_date(data.get("due_date"))
    except DueDateInPast as error:
        errors.append(("due_date", error_message(error)))
    if not close and not data.get("override_reason"):
        suggestion = service.suggest(data.get("category"))
        handler, unit = data.get("responsible_handler"), data.get("responsible_unit")
        if service.is_override(suggestion, handler, unit):
            errors.append(("override_reason", OVERRIDE_REASON))
    return errors


class Register(ServiceDeskService):
    """Create (and route, or close) an inquiry; 201 with its reference."""

    writes = True

    def handle(self) -> dict:
        body = self.json_body()
        close = body.get("close") is True
        fields = {field.__name__: field for field in form_fields()}
        data, errors = deserialize(fields, body, self.context, self.request)
        seen = {name for name, _message in errors}
        errors += [
            e for e in check(data, body, close, self.context) if e[0] not in seen
        ]
        raise_errors(errors, self.translate)
        if close:

            def work():
                return service.register_and_close(
                    self.context, data, answer=data.get("answer") or ""
                )

        else:

            def work():
                return service.register(
                    self.context,
                    data,
                    handler=data.get("responsible_handler"),
                    unit=data.get("responsible_unit"),
                    reason=data.get("override_reason") or "",
                )

        inquiry = run_in_turn(self.context, work)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", inquiry.absolute_url())
        return inquiry_summary(inquiry)
