"""POST @servicedesk-caller {"phone": …, "email": …}: the caller's earlier inquiries.

A POST although it writes nothing: contact data must stay out of URLs and logs.
"""

from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from collective.servicedesk.workspace.caller import CallerLookupError
from collective.servicedesk.workspace.caller import earlier_inquiries


class CallerLookup(ServiceDeskService):
    """Up to five inquiries, newest first, that the current user may view."""

    def handle(self) -> dict:
        data = self.json_body()
        try:
            return earlier_inquiries(data.get("phone") or "", data.get("email") or "")
        except CallerLookupError as error:
            raise ServiceError(400, error.message, error.field) from error
