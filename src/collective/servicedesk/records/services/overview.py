"""GET @servicedesk-records on the site: counts and the filings needing attention."""

from collective.servicedesk.records import state
from collective.servicedesk.records.listing import by_status
from collective.servicedesk.records.listing import counts
from collective.servicedesk.rest.base import ServiceDeskService


class OverviewGet(ServiceDeskService):
    def handle(self):
        return {
            "@id": f"{self.context.absolute_url()}/@servicedesk-records",
            "counts": counts(),
            "rejected": by_status(state.REJECTED),
            "pending": by_status(state.PENDING),
        }
