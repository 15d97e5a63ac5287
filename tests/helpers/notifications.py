"""Users, notice values and a logged-in test browser for the notification tests."""

from plone import api
from plone.testing.zope import Browser
import re

PASSWORD = "secret-password-123"


def make_user(user_id: str, language: str = "", email: str | None = None) -> None:
    """A user with an e-mail address and a preferred language."""
    api.user.create(
        username=user_id,
        email=email or f"{user_id}@demo.kommune.no",
        password=PASSWORD,
        properties={"fullname": user_id.title(), "language": language},
    )


def notice(**mapping) -> dict:
    """The values of an assignment notice, with ``mapping`` replacing some."""
    values = {
        "reference": "2026-000042",
        "title": "Broken street light",
        "url": "http://nohost/plone/service-desk/light",
        "due": "09.03.2026 10:30",
    }
    values.update(mapping)
    return values


def browser_for(app, user_id: str, password: str = PASSWORD) -> Browser:
    """A test browser logged in (basic auth) as ``user_id``."""
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {user_id}:{password}")
    return browser


def token(browser: Browser) -> str:
    """The CSRF token of the form on the browser's current page."""
    return re.search(
        r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', browser.contents
    ).group(1)
