"""The FAQ review expiry runs as a registered tick step, like every other step."""

from collective.servicedesk.tick.runner import steps
from collective.servicedesk.tick.runner import tick
from datetime import UTC
from datetime import date
from datetime import datetime
from plone import api
from tests.knowledge.helpers import make_faq

NOW = datetime(2026, 6, 15, 3, 0, tzinfo=UTC)
STEP = "collective.servicedesk.faq_reviews"


def overdue_faq(kb, title: str, review_by: date):
    faq = make_faq(kb, title, state="published_internally")
    faq.review_by = review_by
    faq.reindexObject(idxs=["faq_review_by"])
    return faq


class TestFAQReviewStep:
    def test_registered_as_an_itickstep_utility(self, portal):
        names = [name for name, _step in steps()]
        assert STEP in names
        assert "collective.servicedesk.optional_hooks" not in names

    def test_the_tick_sends_an_overdue_entry_to_review(self, kb):
        overdue = overdue_faq(kb, "Hva koster parkering?", date(2026, 6, 1))
        current = overdue_faq(kb, "Når tømmes søpla?", date(2026, 7, 1))
        results = tick(api.portal.get(), now=NOW)
        assert results[STEP] == 1
        assert api.content.get_state(overdue) == "needs_review"
        assert api.content.get_state(current) == "published_internally"

    def test_a_second_tick_moves_nothing(self, kb):
        overdue_faq(kb, "Hva koster parkering?", date(2026, 6, 1))
        tick(api.portal.get(), now=NOW)
        assert tick(api.portal.get(), now=NOW)[STEP] == 0
