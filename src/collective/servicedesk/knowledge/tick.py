"""The tick step that sends FAQ entries past their review-by date back to review."""

from collective.servicedesk.knowledge.review import expire_faq_reviews
from collective.servicedesk.tick.interfaces import ITickStep
from datetime import datetime
from zope.interface import implementer


@implementer(ITickStep)
class FAQReviews:
    """Move published FAQ entries past their review-by date to "needs review"."""

    order = 50

    def __call__(self, portal: object, now: datetime) -> int:
        return len(expire_faq_reviews(portal, now))
