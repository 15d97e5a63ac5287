"""Saved views of the inquiry listing: per user, POST only, filters kept."""

from collective.servicedesk.queues import saved
from plone.app.testing import login
from plone.protect.authenticator import createToken
import pytest


class TestStorage:
    def test_save_list_delete(self, portal, filled):
        desk, _items = filled
        views = saved.save(
            desk, "agent", "Mine byggesaker", {"category": "building-permits"}
        )
        assert [v["name"] for v in views] == ["Mine byggesaker"]
        assert views[0]["url"].endswith("@@inquiries?category=building-permits")
        assert saved.views_of(desk, "agent2") == []
        assert saved.delete(desk, "agent", "Mine byggesaker") == []

    def test_only_listing_filters_are_kept(self, portal, filled):
        desk, _items = filled
        views = saved.save(
            desk, "agent", "Forfalt", {"overdue": True, "b_start": "50", "evil": "x"}
        )
        assert views[0]["filters"] == {"overdue": "1"}

    def test_same_name_replaces(self, portal, filled):
        desk, _items = filled
        saved.save(desk, "agent", "Kø", {"state": "assigned"})
        views = saved.save(desk, "agent", "Kø", {"state": "forwarded"})
        assert [v["filters"] for v in views] == [{"state": "forwarded"}]

    @pytest.mark.parametrize("name", ["", "   ", None, "x" * 81])
    def test_bad_name(self, portal, filled, name):
        desk, _items = filled
        with pytest.raises(saved.SavedViewError):
            saved.save(desk, "agent", name, {})

    def test_limit(self, portal, filled):
        desk, _items = filled
        for number in range(saved.MAX_VIEWS):
            saved.save(desk, "agent", f"v{number}", {})
        with pytest.raises(saved.SavedViewError):
            saved.save(desk, "agent", "one more", {})


class TestPages:
    def test_listing_shows_saved_views_and_writes_nothing(self, portal, filled):
        desk, _items = filled
        saved.save(desk, "agent2", "Vann", {"category": "water-sewage"})
        login(portal, "agent2")
        html = desk.restrictedTraverse("@@inquiries")()
        assert "Vann" in html
        assert "@@servicedesk-saved-views" in html

    def test_save_by_post(self, portal, http_request, filled):
        desk, _items = filled
        login(portal, "agent2")
        http_request.method = "POST"
        http_request.environ["REQUEST_METHOD"] = "POST"
        http_request.form.update(
            name="Telefon", channel="phone", _authenticator=createToken()
        )
        desk.restrictedTraverse("@@servicedesk-saved-views")()
        location = http_request.response.getHeader("Location")
        assert location.endswith("@@inquiries?channel=phone")
        assert [v["name"] for v in saved.views_of(desk, "agent2")] == ["Telefon"]
