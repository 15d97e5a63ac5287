"""GET @followup-code on an inquiry: has it a code, and until when."""

from collective.servicedesk.citizen import codes
from collective.servicedesk.rest.base import ServiceDeskService
from plone.restapi.serializer.converters import json_compatible


class FollowupCodeStatus(ServiceDeskService):
    """Staff see whether a code exists; never the code itself."""

    def handle(self) -> dict:
        status = codes.status(self.context)
        return json_compatible(
            {
                "active": status is not None,
                "issued": status["issued"] if status else None,
                "expires": status["expires"] if status else None,
            }
        )
