"""Feed tokens: stored hashed, owned, revocable; the page creates and revokes them."""

from collective.servicedesk.calendar import tokens
from collective.servicedesk.interfaces import IServiceDeskLayer
from plone import api
from plone.app.testing import login
from plone.protect.authenticator import createToken
from tests.workspace.helpers import make_desk
from zope.annotation.interfaces import IAnnotations
from zope.interface import alsoProvides
import pytest


@pytest.fixture
def people(portal, http_request):
    alsoProvides(http_request, IServiceDeskLayer)
    make_desk(portal)


class TestTokens:
    def test_stored_hashed(self, portal, people):
        token = tokens.create("agent", "Outlook")
        stored = IAnnotations(portal)[tokens.ANNOTATION_KEY]
        assert token not in stored
        assert tokens.digest(token) in stored
        assert all(token not in repr(record) for record in stored.values())
        assert tokens.owner(token) == "agent"

    def test_revoke_only_own(self, portal, people):
        token = tokens.create("agent")
        (item,) = tokens.list_tokens("agent")
        assert tokens.revoke("handler", item["id"]) is False
        assert tokens.owner(token) == "agent"
        assert tokens.revoke("agent", item["id"]) is True
        assert tokens.owner(token) is None
        assert tokens.list_tokens("agent") == []

    def test_unguessable_and_distinct(self, portal, people):
        first, second = tokens.create("agent"), tokens.create("agent")
        assert first != second and len(first) >= 40
        assert tokens.owner(first[:-1] + ("A" if first[-1] != "A" else "B")) is None


class TestPage:
    def post(self, portal, request, **form):
        request.method = "POST"
        request.form.update(form, _authenticator=createToken())
        return portal.restrictedTraverse("@@servicedesk-calendar-feeds")()

    def test_create_shows_urls_once(self, portal, http_request, people):
        login(portal, "agent")
        html = self.post(portal, http_request, create="1", label="Outlook på jobb")
        (item,) = tokens.list_tokens("agent")
        assert item["label"] == "Outlook på jobb"
        assert "/@@servicedesk-ical/" in html and "/deadlines.ics" in html
        assert "webcal://" in html
        http_request.form.clear()
        http_request.method = "GET"
        again = portal.restrictedTraverse("@@servicedesk-calendar-feeds")()
        assert "/deadlines.ics" not in again
        assert "Outlook på jobb" in again

    def test_revoke_from_page(self, portal, http_request, people):
        login(portal, "agent")
        token = tokens.create("agent", "Gammel")
        (item,) = tokens.list_tokens("agent")
        self.post(portal, http_request, revoke="1", token_id=item["id"])
        assert tokens.owner(token) is None

    def test_post_without_token_changes_nothing(self, portal, http_request, people):
        login(portal, "agent")
        http_request.method = "POST"
        http_request.form.update(create="1")
        portal.restrictedTraverse("@@servicedesk-calendar-feeds")()
        assert tokens.list_tokens("agent") == []

    def test_not_for_non_staff(self, portal, http_request, people):
        from AccessControl import Unauthorized

        api.user.create(
            username="citizen", email="c@example.org", password="secret-123456"
        )
        login(portal, "citizen")
        with pytest.raises(Unauthorized):
            portal.restrictedTraverse("@@servicedesk-calendar-feeds")
