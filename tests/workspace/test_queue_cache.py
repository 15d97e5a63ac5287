"""Queue summaries are cached per user and catalogue counter (issue 19)."""

from collective.servicedesk.workspace import bridge
from collective.servicedesk.workspace import queue
from plone import api
from plone.app.testing import login
from tests.workspace.helpers import make_inquiry
from tests.workspace.pages import render
import re


def queue_count(html: str) -> int:
    return int(re.search(r'data-sd-queue-count(="")? *>(\d+)<', html).group(2))


class TestQueueCache:
    def test_unchanged_catalogue_answers_from_the_cache(self, portal, desk):
        make_inquiry(desk, "Første", handler="agent", state="assigned")
        login(portal, "agent")
        first = queue.my_queue("agent", 5)
        assert first["count"] == 1
        # The same object: nothing was queried again.
        assert queue.my_queue("agent", 5) is first
        assert queue.unit_queue("agent", 5) is queue.unit_queue("agent", 5)

    def test_a_catalogue_change_changes_the_panel(self, portal, http_request, desk):
        make_inquiry(desk, "Første", handler="agent", state="assigned")
        login(portal, "agent")
        assert queue_count(render(portal, http_request)) == 1
        counter = api.portal.get_tool("portal_catalog").getCounter()
        make_inquiry(desk, "Andre", handler="agent", state="assigned")
        assert api.portal.get_tool("portal_catalog").getCounter() > counter
        html = render(portal, http_request)
        assert queue_count(html) == 2
        assert "Andre" in html

    def test_users_do_not_share_entries(self, portal, desk):
        make_inquiry(desk, "Agentens", handler="agent", state="assigned")
        login(portal, "agent")
        assert queue.my_queue("agent", 5)["count"] == 1
        login(portal, "agent2")
        assert queue.my_queue("agent2", 5)["count"] == 0

    def test_key_has_user_counter_and_minute(self, portal, desk):
        key = queue._queue_key(queue.my_queue, "agent", 5)
        counter = api.portal.get_tool("portal_catalog").getCounter()
        assert "agent" in key and counter in key
        make_inquiry(desk, "Ny", handler="agent", state="assigned")
        assert queue._queue_key(queue.my_queue, "agent", 5) != key


def test_desk_url_is_cached_until_the_catalogue_changes(portal, desk):
    login(portal, "agent")
    assert bridge.service_desk_url() == desk.absolute_url()
    key = bridge._desk_path_key(bridge._desk_path)
    assert bridge.service_desk_url() == desk.absolute_url()
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(desk)
    assert bridge._desk_path_key(bridge._desk_path) != key
    assert bridge.service_desk_url() == ""
