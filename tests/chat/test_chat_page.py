"""The staff chat page's settings: rooms, presence as in the workspace, escaping."""

from collective.servicedesk.directory.availability import set_status
from plone import api
from tests.chat.conftest import PASSWORD
import html
import json
import pytest
import re
import transaction


@pytest.fixture
def unit(staff, functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.group.create(groupname="byggesak", title="Byggesak")
        api.group.add_user(groupname="byggesak", username="kari")
    transaction.commit()


def page_config(request_factory, user: str, query: str = "") -> dict:
    session = request_factory(basic_auth=(user, PASSWORD))
    session.headers.pop("Accept", None)
    response = session.get(f"/@@chat{query}")
    assert response.status_code == 200
    found = re.search(r'data-sd-chat="([^"]*)"', response.text)
    return json.loads(html.unescape(found.group(1)))


class TestChatPage:
    def test_rooms_help_and_unit(self, request_factory, unit, chat_env):
        config = page_config(request_factory, "kari")
        assert config["rooms"] == [
            f"help@{chat_env.muc}",
            f"unit-byggesak@{chat_env.muc}",
        ]
        assert config["credentials_url"].endswith("/@@chat-credentials")

    @pytest.mark.parametrize(
        "status,show", [("available", ""), ("busy", "dnd"), ("away", "away")]
    )
    def test_presence_follows_workspace_status(
        self, request_factory, staff, chat_env, status, show
    ):
        set_status("kari", status)
        transaction.commit()
        assert page_config(request_factory, "kari")["show"] == show

    def test_with_is_escaped_as_xmpp_username(self, request_factory, staff, chat_env):
        config = page_config(request_factory, "kari", "?with=Ola@Kommune.no")
        assert config["with"] == f"ola\\40kommune.no@{chat_env.domain}"

    def test_not_configured(self, request_factory, staff, monkeypatch):
        monkeypatch.delenv("SERVICEDESK_CHAT_SECRET", raising=False)
        session = request_factory(basic_auth=("kari", PASSWORD))
        session.headers.pop("Accept", None)
        response = session.get("/@@chat")
        assert response.status_code == 200
        assert "data-sd-chat=" not in response.text

    def test_member_refused(self, request_factory, staff, chat_env):
        session = request_factory(basic_auth=("member", PASSWORD))
        session.headers.pop("Accept", None)
        response = session.get("/@@chat", allow_redirects=False)
        assert response.status_code in (302, 401)


class TestNoByline:
    """Tool pages, not documents: no "by admin — last modified" under the title."""

    @pytest.mark.parametrize("view", ["@@chat", "@@chat-citizen"])
    def test_no_document_byline(self, request_factory, staff, chat_env, view):
        api.portal.set_registry_record("collective.servicedesk.chat.citizen_chat", True)
        transaction.commit()
        session = request_factory(basic_auth=("kari", PASSWORD))
        session.headers.pop("Accept", None)
        response = session.get(f"/{view}")
        assert response.status_code == 200
        assert 'class="documentFirstHeading"' in response.text
        assert 'id="section-byline"' not in response.text
        assert "label-by-author" not in response.text
