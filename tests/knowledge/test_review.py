"""A passed review-by date sends a published FAQ entry to "needs review"."""

from collective.servicedesk.knowledge.review import DEFAULT_REVIEW_DAYS
from collective.servicedesk.knowledge.review import expire_faq_reviews
from collective.servicedesk.knowledge.review import faq_owner_id
from collective.servicedesk.knowledge.review import review_notices
from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_user
import pytest

NOW = datetime(2026, 6, 15, 3, 0)


@pytest.fixture
def owner(portal):
    return make_user("faq-owner", ["Knowledge Editor"], fullname="Eva Eier")


def published(kb, title, review_by, state="published_internally", **values):
    faq = make_faq(kb, title, state=state, **values)
    faq.review_by = review_by  # publishing sets a default; the test sets its own
    faq.reindexObject(idxs=["faq_review_by"])
    return faq


class TestExpiry:
    @pytest.mark.parametrize(
        "state,review_by,expected",
        [
            ("published_internally", date(2026, 6, 14), "needs_review"),
            ("published_publicly", date(2026, 1, 1), "needs_review"),
            (
                "published_internally",
                date(2026, 6, 15),
                "published_internally",
            ),  # due today: not passed
            ("published_publicly", date(2026, 6, 16), "published_publicly"),
            ("draft", date(2020, 1, 1), "draft"),  # only published entries expire
            ("retired", date(2020, 1, 1), "retired"),
        ],
    )
    def test_state_after_tick(self, kb, owner, state, review_by, expected):
        faq = make_faq(
            kb, f"Spørsmål {state} {review_by}", state=state, faq_owner=owner
        )
        faq.review_by = review_by
        faq.reindexObject(idxs=["faq_review_by"])
        moved = expire_faq_reviews(api.portal.get(), now=NOW)
        assert api.content.get_state(faq) == expected
        assert (expected == "needs_review") == (
            "/".join(faq.getPhysicalPath()) in moved
        )

    def test_without_review_date_nothing_happens(self, kb):
        faq = make_faq(kb, "Uten dato")
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=faq, to_state="published_internally")
        faq.review_by = None
        faq.reindexObject(idxs=["faq_review_by"])
        assert expire_faq_reviews(api.portal.get(), now=NOW) == []
        assert api.content.get_state(faq) == "published_internally"

    def test_owner_is_notified_and_notice_recorded(self, kb, owner, monkeypatch):
        sent = []
        import collective.servicedesk.notifications as notifications

        monkeypatch.setattr(
            notifications, "notify", lambda *args, **kw: sent.append((args, kw))
        )
        faq = published(
            kb, "Hva koster byggesøknad?", date(2026, 6, 1), faq_owner=owner
        )
        expire_faq_reviews(api.portal.get(), now=NOW)
        assert len(sent) == 1
        (recipients, kind), mapping = sent[0]
        assert recipients == [owner]
        assert kind in ("faq_review_due", "message")
        assert faq.absolute_url() in str(mapping)
        notices = review_notices(faq)
        assert notices[-1]["to"] == owner
        assert notices[-1]["sent"] is True

    def test_notice_is_queued_by_the_notifications_feature(self, kb, owner):
        faq = published(
            kb, "Hva koster byggesøknad?", date(2026, 6, 1), faq_owner=owner
        )
        expire_faq_reviews(api.portal.get(), now=NOW)
        assert review_notices(faq)[-1]["sent"] is True

    def test_creator_is_owner_without_faq_owner(self, kb):
        faq = make_faq(kb, "Q")
        assert faq_owner_id(faq) == faq.Creator() == faq.listCreators()[0]

    def test_running_twice_moves_once(self, kb, owner):
        faq = published(kb, "Q", date(2026, 6, 1), faq_owner=owner)
        assert len(expire_faq_reviews(api.portal.get(), now=NOW)) == 1
        assert expire_faq_reviews(api.portal.get(), now=NOW) == []
        assert len(review_notices(faq)) == 1

    def test_history_comment(self, kb, owner):
        faq = published(kb, "Q", date(2026, 6, 1), faq_owner=owner)
        expire_faq_reviews(api.portal.get(), now=NOW)
        last = api.portal.get_tool("portal_workflow").getInfoFor(faq, "review_history")[
            -1
        ]
        assert last["action"] == "expire"
        assert "2026-06-01" in last["comments"]


class TestDefaultReviewDate:
    def test_publishing_sets_a_review_date(self, kb):
        faq = make_faq(kb, "Q", state="published_internally")
        assert faq.review_by == date.today() + timedelta(days=DEFAULT_REVIEW_DAYS)
        in_index = api.content.find(
            UID=faq.UID(), faq_review_by={"query": DateTime(), "range": "min"}
        )
        assert len(in_index) == 1

    def test_future_review_date_is_kept(self, kb):
        future = date.today() + timedelta(days=30)
        faq = make_faq(kb, "Q", state="published_publicly", review_by=future)
        assert faq.review_by == future

    def test_republishing_after_review_moves_the_date(self, kb, owner):
        faq = published(kb, "Q", date(2026, 6, 1), faq_owner=owner)
        expire_faq_reviews(api.portal.get(), now=NOW)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=faq, transition="publish_internally")
        assert faq.review_by > date.today()
