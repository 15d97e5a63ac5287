"""On the inquiry: how many follow-ups from unknown senders wait for review."""

from collective.servicedesk.intake import held
from plone.app.layout.viewlets.common import ViewletBase


class HeldMailViewlet(ViewletBase):
    """A short notice with a link to the review page (reads, never writes)."""

    def update(self):
        super().update()
        self.count = held.held_count(self.context)
        self.url = self.context.absolute_url() + "/@@held-mail"

    def available(self) -> bool:
        return self.count > 0
