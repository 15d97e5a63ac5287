"""GET/POST @servicedesk-records on an inquiry: its filing state; request or resend."""

from AccessControl import getSecurityManager
from collective.servicedesk import _
from collective.servicedesk.records import api as records
from collective.servicedesk.records import state
from collective.servicedesk.records.messages import describe
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError

PERMISSION = "collective.servicedesk: File to records system"


def serialize(context, request) -> dict:
    data = state.get(context)
    error = data.get("error") or {}
    return {
        "@id": f"{context.absolute_url()}/@servicedesk-records",
        "status": data.get("status", ""),
        "case_number": data.get("case_number", "")
        or getattr(context, "case_number", "")
        or "",
        "requested": data["requested"].isoformat() if data.get("requested") else None,
        "filed": data["filed"].isoformat() if data.get("filed") else None,
        "journalposts": [
            {
                "kind": m["kind"],
                "state": m["state"],
                "journalpost_number": m.get("journalpost_number", ""),
                "registry_entry": m.get("registry_entry", ""),
                "date": m.get("date", ""),
            }
            for m in data.get("messages", ())
        ],
        "error": describe(error, request) if error else None,
    }


class FilingGet(ServiceDeskService):
    def handle(self):
        return serialize(self.context, self.request)


class FilingPost(ServiceDeskService):
    writes = True
    max_body = 1024

    def handle(self):
        if not getSecurityManager().checkPermission(PERMISSION, self.context):
            raise ServiceError(
                403,
                _("records_error_forbidden", default="You may not file this inquiry."),
            )
        action = self.json_body().get("action", "request")
        try:
            if action == "request":
                records.request_filing(self.context)
            elif action == "resend":
                records.resend(self.context)
            else:
                raise ServiceError(
                    400, _("records_error_action", default="Unknown action."), "action"
                )
        except records.FilingError as error:
            raise ServiceError(409, error.message, error.field or None) from error
        self.request.response.setStatus(202)
        return serialize(self.context, self.request)
