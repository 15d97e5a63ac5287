"""A browser-like cookie login for the CSRF tests (no Authorization header)."""

from tests.services.conftest import PASSWORD
import pytest
import requests


def cookie_login(portal_url: str, user: str, password: str) -> requests.Session:
    """A session holding Plone's ``__ac`` cookie, as a browser after login."""
    session = requests.Session()
    response = session.post(
        f"{portal_url}/login",
        data={
            "__ac_name": user,
            "__ac_password": password,
            "buttons.login": "Log in",
            "came_from": portal_url,
        },
        allow_redirects=False,
        timeout=120,
    )
    assert "__ac" in session.cookies, response.status_code
    return session


@pytest.fixture(name="agent_cookie")
def agent_cookie_fixture(functional_portal, users):
    """The agent logged in with a cookie (no Authorization header)."""
    session = cookie_login(functional_portal.absolute_url(), "agent-x", PASSWORD)
    yield session
    session.close()
