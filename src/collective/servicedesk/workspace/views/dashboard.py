"""The personal dashboard: the panels at full size on one page."""

from collective.servicedesk.directory.availability import STATUSES
from collective.servicedesk.directory.availability import get_status
from collective.servicedesk.directory.availability import status_titles
from collective.servicedesk.settings import settings
from collective.servicedesk.workspace import queue
from collective.servicedesk.workspace.presence import board
from plone import api
from plone.protect.authenticator import createToken
from Products.Five.browser import BrowserView

# FAQ states an editor has to act on (knowledge workflow).
FAQ_REVIEW_STATES = ("pending", "needs_review")
PAGE_SIZE = 50


class DashboardView(BrowserView):
    """My queue, unit queue, recently answered, FAQ to review, who is available."""

    def update(self) -> None:
        user = api.user.get_current()
        self.user_id = user.getId()
        self.lead = queue.is_lead(user)
        self.mine = queue.my_queue(self.user_id, PAGE_SIZE)
        self.units = queue.unit_queue(self.user_id, PAGE_SIZE, all_units=self.lead)
        self.answered = queue.recently_answered(self.user_id, 10)
        self.faq_review = self.faq_to_review()
        self.duties = board.on_duty_now()
        self.people = board.colleagues(self.user_id, self.duties)
        titles = status_titles()
        mine = (get_status(self.user_id) or {}).get("status", "available")
        self.statuses = [
            {"id": s, "title": titles[s], "pressed": s == mine} for s in STATUSES
        ]
        self.token = createToken()
        portal_url = api.portal.get().absolute_url()
        self.portal_url = portal_url
        self.can_see_statistics = api.user.has_permission(
            "collective.servicedesk: View statistics", obj=api.portal.get()
        )
        self.queue_size = settings().workspace.queue_size

    def faq_to_review(self) -> list[dict]:
        """FAQ entries waiting for an editor (only for who may review them)."""
        portal = api.portal.get()
        roles = set(api.user.get_roles(obj=portal))
        if not roles & {"Knowledge Editor", "Manager", "Site Administrator"}:
            return []
        brains = api.content.find(
            portal_type="FAQEntry",
            review_state=list(FAQ_REVIEW_STATES),
            sort_on="modified",
            sort_order="ascending",
        )
        return [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "state": brain.review_state,
            }
            for brain in brains[:PAGE_SIZE]
        ]

    def __call__(self) -> str:
        self.update()
        return self.index()
