"""Rendered panels are kept per user and reused while nothing changed (issue 19)."""

from collective.servicedesk.directory.availability import set_status
from collective.servicedesk.messages import deliver
from collective.servicedesk.workspace import fragments
from collective.servicedesk.workspace import viewlets
from plone.app.testing import login
from plone.protect.authenticator import _verify_request
from tests.workspace.helpers import make_inquiry
from tests.workspace.pages import render
import re


def count_panel_builds(monkeypatch) -> list[str]:
    """Record every panel that collected its data (a cache miss)."""
    built: list[str] = []
    for cls in (
        viewlets.QuickBarViewlet,
        viewlets.QueueViewlet,
        viewlets.PresenceViewlet,
        viewlets.MessagesViewlet,
    ):
        original = cls.update_panel

        def spy(self, original=original):
            built.append(self.panel)
            return original(self)

        monkeypatch.setattr(cls, "update_panel", spy)
    return built


def fresh(request) -> None:
    """A new page view in the same test request."""
    request.other.pop(viewlets.PLACEMENTS, None)


def queue_count(html: str) -> int:
    return int(re.search(r'data-sd-queue-count(="")? *>(\d+)<', html).group(2))


class TestFragments:
    def test_a_second_page_reuses_every_panel(
        self, portal, http_request, desk, monkeypatch
    ):
        login(portal, "agent")
        built = count_panel_builds(monkeypatch)
        first = render(portal, http_request)
        assert sorted(built) == ["messages", "presence", "queue", "quickbar"]
        fresh(http_request)
        second = render(portal, http_request)
        assert sorted(built) == ["messages", "presence", "queue", "quickbar"]
        assert queue_count(second) == queue_count(first)

    def test_a_catalogue_change_rebuilds_the_panels(
        self, portal, http_request, desk, monkeypatch
    ):
        login(portal, "agent")
        assert queue_count(render(portal, http_request)) == 0
        built = count_panel_builds(monkeypatch)
        make_inquiry(desk, "Ny sak", handler="agent", state="assigned")
        fresh(http_request)
        html = render(portal, http_request)
        assert "queue" in built
        assert queue_count(html) == 1
        assert "Ny sak" in html

    def test_users_never_get_each_others_panels(self, portal, http_request, desk):
        make_inquiry(desk, "Agentens sak", handler="agent", state="assigned")
        login(portal, "agent")
        mine = render(portal, http_request)
        assert "Agentens sak" in mine
        login(portal, "agent2")
        fresh(http_request)
        theirs = render(portal, http_request)
        assert "Agentens sak" not in theirs
        assert queue_count(theirs) == 0

    def test_page_url_and_token_are_put_in_for_each_page(
        self, portal, http_request, desk
    ):
        login(portal, "agent")
        http_request["ACTUAL_URL"] = "http://nohost/plone/first?a=1&b=2"
        first = render(portal, http_request)
        fresh(http_request)
        http_request["ACTUAL_URL"] = "http://nohost/plone/second"
        second = render(portal, http_request)
        for html in (first, second):
            assert fragments.CAME_FROM not in html
            assert fragments.TOKEN not in html
        assert 'value="http://nohost/plone/first?a=1&amp;b=2"' in first
        assert 'value="http://nohost/plone/second"' in second
        assert "plone/first" not in second
        token = re.search(
            r'name="_authenticator"\s+type="hidden"\s+value="(\w+)"', second
        )
        token = token or re.search(r'value="(\w+)"\s+name="_authenticator"', second)
        assert token, "no CSRF token in the panels"
        http_request.form["_authenticator"] = token.group(1)
        assert _verify_request(http_request)

    def test_own_availability_rebuilds_presence(self, portal, http_request, desk):
        login(portal, "agent")
        render(portal, http_request)
        set_status("agent", "away")
        fresh(http_request)
        html = render(portal, http_request)
        assert re.search(r'aria-pressed="true"[^>]*value="away"', html) or re.search(
            r'value="away"[^>]*aria-pressed="true"', html
        )

    def test_a_new_message_rebuilds_the_messages_panel(
        self, portal, http_request, desk
    ):
        login(portal, "agent")
        assert "Purring" not in render(portal, http_request)
        deliver("agent", "Purring", "Tekst")
        fresh(http_request)
        assert "Purring" in render(portal, http_request)
