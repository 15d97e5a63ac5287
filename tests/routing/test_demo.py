"""The demo profile sets up routing that works whenever the demo is opened."""

from collective.servicedesk.categories import get_category
from collective.servicedesk.routing import competent_for
from collective.servicedesk.routing import on_duty
from collective.servicedesk.routing import roster
from collective.servicedesk.routing import suggest
import pytest


@pytest.fixture
def demo_portal(portal):
    portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    return portal


class TestDemoRouting:
    @pytest.mark.parametrize(
        "category_id,unit",
        [
            ("building-permits", "servicedesk-building"),
            ("home-care", "servicedesk-health"),
            ("roads-snow", "servicedesk-technical"),
            ("complaints", "servicedesk-frontdesk"),
        ],
    )
    def test_units(self, demo_portal, category_id, unit):
        assert get_category(category_id)["unit"] == unit

    @pytest.mark.parametrize(
        "category_id,user_id",
        [
            ("building-permits", "handler"),
            ("home-care", "handler2"),
            ("parking", "handler3"),
        ],
    )
    def test_competence(self, demo_portal, category_id, user_id):
        assert user_id in competent_for(category_id)

    @pytest.mark.parametrize(
        "category_id,handler,source",
        [
            ("water-sewage", "handler3", "duty"),
            ("health-services", "handler2", "duty"),
            ("switchboard", "agent2", "duty"),
            ("building-permits", "handler", "competence"),
            ("housing-allowance", "handler2", "competence"),
            ("complaints", None, "unit"),
        ],
    )
    def test_routing_is_alive_now(self, demo_portal, category_id, handler, source):
        result = suggest(category_id, load=lambda ids: dict.fromkeys(ids, 0))
        assert (result.handler, result.source) == (handler, source)

    def test_idempotent_and_keeps_admin_choices(self, demo_portal):
        from collective.servicedesk.categories.storage import update_category

        update_category("parking", unit="servicedesk-frontdesk")
        count = len(roster.list_periods())
        demo_portal.portal_setup.runAllImportStepsFromProfile(
            "profile-collective.servicedesk:demo"
        )
        assert len(roster.list_periods()) == count
        assert get_category("parking")["unit"] == "servicedesk-frontdesk"
        assert on_duty("water-sewage") == ["handler3"]
