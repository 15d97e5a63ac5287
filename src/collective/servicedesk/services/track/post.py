"""POST @servicedesk-track: the citizen adds information to the inquiry."""

from collective.servicedesk.citizen import spam
from collective.servicedesk.citizen.ask import REFUSALS
from collective.servicedesk.citizen.submission import MAX_LENGTH
from collective.servicedesk.citizen.submission import MIN_LENGTH
from collective.servicedesk.citizen.tracking import INFORMATION_INVALID
from collective.servicedesk.citizen.tracking import INQUIRY_FILED
from collective.servicedesk.citizen.tracking import can_add
from collective.servicedesk.intake.inquiries import add_followup
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from collective.servicedesk.services.track.get import code_from
from collective.servicedesk.services.track.get import inquiry_or_404


class AddInformation(ServiceDeskService):
    """History entry on the inquiry and a notice to whoever handles it."""

    writes = True

    def handle(self):
        body = self.json_body()
        inquiry = inquiry_or_404(self.request, code_from(self.request, body))
        text = body.get("information")
        text = text.strip() if isinstance(text, str) else ""
        if body.get(spam.HONEYPOT):
            spam.submission_allowed(self.request)
            raise ServiceError(400, REFUSALS["spam"])
        if not (MIN_LENGTH <= len(text) <= MAX_LENGTH):
            raise ServiceError(400, INFORMATION_INVALID, field="information")
        if not can_add(inquiry):
            raise ServiceError(409, INQUIRY_FILED)
        if not spam.submission_allowed(self.request):
            raise ServiceError(429, REFUSALS["rate_limited"])
        add_followup(inquiry, "web", text)
        return self.reply_no_content()
