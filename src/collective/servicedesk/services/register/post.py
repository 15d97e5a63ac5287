"""POST @servicedesk-register on a service desk: the quick registration.

The registration use case (``registration.usecase``) checks and registers, as
for the form and the quick bar: the required fields of the control panel,
known categories, no due date in the past, a reason when the agent overrides
the routing suggestion. ``"close": true`` registers and closes at once (solved
on first contact, with ``answer``).
"""

from collective.servicedesk.registration import usecase
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.services.fields import raise_errors
from plone import api
from plone.restapi.serializer.converters import json_compatible


def inquiry_summary(inquiry) -> dict:
    """What the registering services answer with."""
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


class Register(ServiceDeskService):
    """Create (and route, or close) an inquiry; 201 with its reference."""

    writes = True

    def handle(self) -> dict:
        body = self.json_body()
        close = body.get("close") is True
        clean, errors = usecase.validate(body, self.context, self.request, close=close)
        raise_errors(list(errors.items()), self.translate)
        inquiry = usecase.register(self.context, clean, close=close)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", inquiry.absolute_url())
        return inquiry_summary(inquiry)
