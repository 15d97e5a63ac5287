"""GET @servicedesk-case?number=2026/118: every inquiry of a case the user may see."""

from collective.servicedesk import _
from collective.servicedesk.records.indexers import normalise
from collective.servicedesk.records.listing import case_inquiries
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError

MAX_LENGTH = 40


class CaseGet(ServiceDeskService):
    def handle(self):
        number = (self.request.form.get("number") or "").strip()
        if not number or len(number) > MAX_LENGTH:
            raise ServiceError(
                400,
                _(
                    "records_error_number",
                    default="Give a case number, for example 2026/118.",
                ),
                "number",
            )
        items = case_inquiries(number)
        return {
            "@id": f"{self.context.absolute_url()}/@servicedesk-case"
            f"?number={normalise(number)}",
            "case_number": normalise(number),
            "items_total": len(items),
            "items": items,
        }
