"""CSRF and media type of the write services (issue 12, item 4)."""

from collective.servicedesk.rest.csrf import origin_of
from plone import api
from tests.security.cookie_fixtures import agent_cookie_fixture  # noqa: F401
import pytest
import transaction


@pytest.fixture
def category(functional_portal):
    from collective.servicedesk.categories.storage import add_category

    add_category("byggesak", {"nb": "Byggesak", "en": "Building permits"})
    transaction.commit()
    return "byggesak"


def count(desk) -> int:
    transaction.begin()
    return len(desk.objectIds())


BODY = {"category": "byggesak", "channel": "phone"}


@pytest.mark.parametrize(
    "url,expected",
    [
        ("http://example.org", "http://example.org:80"),
        ("HTTPS://Example.ORG:443/x?y", "https://example.org:443"),
        ("http://example.org:8080/", "http://example.org:8080"),
        ("null", None),
        ("", None),
        ("http://[::1", None),
    ],
)
def test_origin_of(url, expected):
    assert origin_of(url) == expected


class TestCookieWrites:
    """The agent's browser session: only our own pages may write with it."""

    def url(self, desk) -> str:
        return f"{desk.absolute_url()}/@servicedesk-tally"

    def test_foreign_origin_refused(self, agent_cookie, public_desk, category):
        before = count(public_desk)
        response = agent_cookie.post(
            self.url(public_desk),
            json=BODY,
            headers={"Origin": "https://evil.example", "Accept": "application/json"},
        )
        assert response.status_code == 403
        assert response.json()["error"]["type"] == "Forbidden"
        assert count(public_desk) == before

    def test_no_origin_no_referer_refused(self, agent_cookie, public_desk, category):
        response = agent_cookie.post(
            self.url(public_desk), json=BODY, headers={"Accept": "application/json"}
        )
        assert response.status_code == 403

    def test_foreign_referer_refused(self, agent_cookie, public_desk, category):
        response = agent_cookie.post(
            self.url(public_desk),
            json=BODY,
            headers={
                "Referer": "https://evil.example/page",
                "Accept": "application/json",
            },
        )
        assert response.status_code == 403

    def test_same_origin_accepted(
        self, agent_cookie, public_desk, category, functional_portal
    ):
        before = count(public_desk)
        origin = functional_portal.absolute_url().split("/plone")[0]
        response = agent_cookie.post(
            self.url(public_desk),
            json=BODY,
            headers={"Origin": origin, "Accept": "application/json"},
        )
        assert response.status_code == 201, response.text
        assert count(public_desk) == before + 1

    def test_same_origin_referer_accepted(self, agent_cookie, public_desk, category):
        response = agent_cookie.post(
            self.url(public_desk),
            json=BODY,
            headers={
                "Referer": public_desk.absolute_url(),
                "Accept": "application/json",
            },
        )
        assert response.status_code == 201, response.text

    def test_token_accepted(self, agent_cookie, public_desk, category):
        from plone.protect.authenticator import createToken

        transaction.begin()
        with api.env.adopt_user(username="agent-x"):
            token = createToken()
        response = agent_cookie.post(
            self.url(public_desk),
            json=BODY,
            headers={"X-CSRF-TOKEN": token, "Accept": "application/json"},
        )
        assert response.status_code == 201, response.text

    def test_wrong_token_refused(self, agent_cookie, public_desk, category):
        response = agent_cookie.post(
            self.url(public_desk),
            json=BODY,
            headers={"X-CSRF-TOKEN": "0" * 40, "Accept": "application/json"},
        )
        assert response.status_code == 403

    def test_text_plain_refused(
        self, agent_cookie, public_desk, category, functional_portal
    ):
        """What an HTML form can send cross-site: JSON as text/plain."""
        before = count(public_desk)
        origin = functional_portal.absolute_url().split("/plone")[0]
        response = agent_cookie.post(
            self.url(public_desk),
            data='{"category": "byggesak", "channel": "phone"}',
            headers={
                "Content-Type": "text/plain",
                "Origin": origin,
                "Accept": "application/json",
            },
        )
        assert response.status_code == 415
        assert response.json()["error"]["accepted"] == ["application/json"]
        assert count(public_desk) == before


class TestProgramClients:
    """Basic auth without Origin keeps working; a foreign Origin does not."""

    def test_basic_auth_without_origin(self, agent_request, public_desk, category):
        response = agent_request.post(
            f"/{public_desk.getId()}/@servicedesk-tally", json=BODY
        )
        assert response.status_code == 201, response.text

    def test_basic_auth_foreign_origin(self, agent_request, public_desk, category):
        response = agent_request.post(
            f"/{public_desk.getId()}/@servicedesk-tally",
            json=BODY,
            headers={"Origin": "https://evil.example"},
        )
        assert response.status_code == 403

    def test_form_encoded_refused(self, agent_request, public_desk, category):
        response = agent_request.post(
            f"/{public_desk.getId()}/@servicedesk-tally", data=BODY
        )
        assert response.status_code == 415

    def test_jwt_bearer_token(self, request_factory, users, public_desk, category):
        anonymous = request_factory()
        login = anonymous.post(
            "/@login", json={"login": "agent-x", "password": "secret-pass-123"}
        )
        assert login.status_code == 200, login.text
        anonymous.headers["Authorization"] = f"Bearer {login.json()['token']}"
        response = anonymous.post(
            f"/{public_desk.getId()}/@servicedesk-tally", json=BODY
        )
        assert response.status_code == 201, response.text
