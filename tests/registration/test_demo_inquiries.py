"""The demo profile fills the service desk with a realistic, idempotent spread."""

from collective.servicedesk.queues import queries
from collective.servicedesk.setuphandlers import demo_inquiries
from collective.servicedesk.setuphandlers.demo_inquiry_data import INQUIRIES
from plone import api
import pytest


@pytest.fixture(scope="class")
def demo_portal(portal_class):
    portal = portal_class
    portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    return portal


def brains(**query) -> list:
    catalog = api.portal.get_tool("portal_catalog")
    return list(catalog.unrestrictedSearchResults(portal_type="Inquiry", **query))


class TestDemoInquiries:
    def test_containers(self, demo_portal):
        desk = demo_portal["service-desk"]
        assert desk.portal_type == "ServiceDesk"
        if "KnowledgeBase" in api.portal.get_tool("portal_types").objectIds():
            assert demo_portal["knowledge-base"].portal_type == "KnowledgeBase"

    def test_all_created(self, demo_portal):
        assert 30 <= len(INQUIRIES) <= 40
        desk = demo_portal["service-desk"]
        # Other features' demos may add inquiries of their own.
        assert len(brains(path="/plone/service-desk")) >= len(INQUIRIES)
        assert len(demo_inquiries._created_keys(desk)) == len(INQUIRIES)

    @pytest.mark.parametrize(
        "state",
        [
            "registered",
            "assigned",
            "in_progress",
            "forwarded",
            "answered",
            "closed",
            "filed",
        ],
    )
    def test_every_state(self, demo_portal, state):
        assert len(brains(review_state=state)) >= 2

    def test_channels_and_categories(self, demo_portal):
        found = brains()
        assert {b.inquiry_channel for b in found} == {
            "phone",
            "visit",
            "email",
            "letter",
            "sms",
            "web",
            "chat",
            "social",
        }
        assert len({b.inquiry_category for b in found if b.inquiry_category}) >= 12

    def test_anonymous_confidential_tally_overdue(self, demo_portal):
        anonymous = [b.getObject() for b in brains()]
        anonymous = [o for o in anonymous if o.anonymous]
        assert len(anonymous) >= 5
        assert all(o.requester_name is None for o in anonymous)
        assert len(brains(confidential=True)) == 1
        assert len(brains(tally=True)) >= 6
        assert len(list(queries.search(queries.overdue_query()))) >= 2

    def test_routed_to_the_demo_handlers(self, demo_portal):
        assert brains(
            responsible_handler="handler", review_state=list(queries.WAITING_STATES)
        )
        assert brains(responsible_unit="servicedesk-technical")

    def test_history_and_creators(self, demo_portal):
        from collective.servicedesk.history import entries

        (brain,) = brains(review_state="answered", inquiry_category="housing-allowance")
        inquiry = brain.getObject()
        assert inquiry.Creator() == "agent"
        actions = [entry["action"] for entry in entries(inquiry)]
        assert "reassigned" in actions

    def test_idempotent(self, demo_portal):
        before = sorted(b.reference_number for b in brains())
        assert demo_inquiries.create_demo_inquiries(demo_portal) == 0
        demo_portal.portal_setup.runAllImportStepsFromProfile(
            "profile-collective.servicedesk:demo"
        )
        assert sorted(b.reference_number for b in brains()) == before
