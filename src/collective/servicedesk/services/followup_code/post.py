"""POST @followup-code on an inquiry: issue a new code (the old one stops working)."""

from collective.servicedesk import _
from collective.servicedesk.citizen import codes
from collective.servicedesk.history import record
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone import api
from plone.restapi.serializer.converters import json_compatible


class IssueFollowupCode(ServiceDeskService):
    """The new code is in this answer only: hand it to the citizen."""

    writes = True

    def handle(self) -> dict:
        days = self.json_body().get("days")
        if days is not None and (
            not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 3650
        ):
            raise ServiceError(
                400,
                _("error_code_days", default="Days must be a number from 0 to 3650."),
                field="days",
            )
        code = codes.issue(self.context, days=days)
        record(self.context, "followup_code_issued")
        status = codes.status(self.context)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Cache-Control", "no-store, private")
        portal_url = api.portal.get().absolute_url()
        return json_compatible(
            {
                "followup_code": code,
                "expires": status["expires"],
                "track_url": f"{portal_url}/@@track",
            }
        )
