"""The review pages of held follow-ups, with each inquiry's permission checked."""

from collective.servicedesk.history import entries
from collective.servicedesk.intake import held
from collective.servicedesk.intake.inquiries import FOLLOWUP_ACTION
from collective.servicedesk.intake.mail import intake_mail
from plone import api
from plone.testing.zope import Browser
from tests.intake import messages
from tests.services.helpers import make_desk
from tests.services.helpers import make_inquiry
from urllib.error import HTTPError
import pytest
import re
import transaction

PASSWORD = "secret-password-123"


@pytest.fixture
def site(functional_portal):
    portal = functional_portal
    desk = make_desk(portal)
    for user_id, roles in (("agent", ["Service Desk Agent"]), ("member", [])):
        api.user.create(
            username=user_id,
            email=f"{user_id}@demo.kommune.no",
            password=PASSWORD,
            properties={"fullname": user_id.title(), "language": "en"},
        )
        if roles:
            api.user.grant_roles(username=user_id, roles=roles)
    open_one = make_inquiry(desk, requester_email="ase@example.no", title="Open")
    intake_mail(messages.reply(open_one.reference_number, sender="x@example.no"))
    secret = make_inquiry(
        desk, requester_email="bo@example.no", title="Secret", confidential=True
    )
    # Held before the inquiry became confidential: the page must hide it too.
    held.hold(secret, "email", "Hemmelig tekst", "y@example.no", subject="Hemmelig")
    transaction.commit()
    return {"open": open_one, "secret": secret}


def browser_for(app, user_id: str) -> Browser:
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    return browser


def token(browser: Browser) -> str:
    return re.search(
        r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', browser.contents
    ).group(1)


def refused(browser: Browser, call) -> bool:
    """True if the publisher answers 401, 403 or 404 or sends to the login."""
    browser.handleErrors = True
    try:
        call()
    except HTTPError as error:
        return error.code in (401, 403, 404)
    finally:
        browser.handleErrors = False
    # Plone answers a member without the permission with its login page.
    return any(
        name in browser.url
        for name in ("require_login", "insufficient-privileges", "login")
    )


class TestList:
    def test_agent_sees_only_what_they_may_view(self, functional_app, site):
        browser = browser_for(functional_app, "agent")
        browser.open(api.portal.get().absolute_url() + "/@@held-mail")
        assert site["open"].reference_number in browser.contents
        assert site["secret"].reference_number not in browser.contents
        assert "Secret" not in browser.contents

    def test_member_may_not_open_it(self, functional_app, site):
        browser = browser_for(functional_app, "member")
        url = api.portal.get().absolute_url() + "/@@held-mail"
        assert refused(browser, lambda: browser.open(url))


class TestInquiryPage:
    def test_agent_attaches(self, functional_app, site):
        inquiry = site["open"]
        browser = browser_for(functional_app, "agent")
        browser.open(inquiry.absolute_url())
        notice = browser.contents.split("servicedesk-held-mail", 1)[1][:400]
        assert "1" in notice and "wait for review" in notice
        url = inquiry.absolute_url() + "/@@held-mail"
        assert url in notice
        browser.open(url)
        assert "x@example.no" in browser.contents
        assert "Takk, men bilen står fortsatt der." in browser.contents
        [held_id] = re.findall(
            r'name="held_id"\s+type="hidden"\s+value="([^"]+)"', browser.contents
        )
        browser.post(url, f"_authenticator={token(browser)}&held_id={held_id}&attach=1")
        assert "The message is added to the inquiry." in browser.contents
        transaction.begin()
        [entry] = [e for e in entries(inquiry) if e["action"] == FOLLOWUP_ACTION]
        assert entry["changes"]["reviewed_by"] == "agent"
        assert held.held_counts() == {site["secret"].UID(): 1}
        browser.open(inquiry.absolute_url())
        assert "servicedesk-held-mail" not in browser.contents

    def test_agent_discards(self, functional_app, site):
        inquiry = site["open"]
        browser = browser_for(functional_app, "agent")
        url = inquiry.absolute_url() + "/@@held-mail"
        browser.open(url)
        held_id = held.held_items(inquiry)[0]["id"]
        browser.post(
            url, f"_authenticator={token(browser)}&held_id={held_id}&discard=1"
        )
        assert "The message is discarded." in browser.contents
        transaction.begin()
        assert held.held_items(inquiry) == []
        assert [e for e in entries(inquiry) if e["action"] == FOLLOWUP_ACTION] == []

    def test_confidential_is_closed_to_the_agent(self, functional_app, site):
        secret = site["secret"]
        url = secret.absolute_url() + "/@@held-mail"
        browser = browser_for(functional_app, "agent")
        assert refused(browser, lambda: browser.open(url))
        # A forged post (token of a page the agent may open) changes nothing.
        browser.open(api.portal.get().absolute_url() + "/@@held-mail")
        held_id = held.held_items(secret)[0]["id"]
        form = f"_authenticator={token_of_site(browser)}&held_id={held_id}&attach=1"
        assert refused(browser, lambda: browser.post(url, form))
        transaction.begin()
        assert len(held.held_items(secret)) == 1
        assert [e for e in entries(secret) if e["action"] == FOLLOWUP_ACTION] == []

    def test_member_may_not_act(self, functional_app, site):
        inquiry = site["open"]
        browser = browser_for(functional_app, "member")
        url = inquiry.absolute_url() + "/@@held-mail"
        held_id = held.held_items(inquiry)[0]["id"]
        assert refused(
            browser, lambda: browser.post(url, f"held_id={held_id}&attach=1")
        )
        transaction.begin()
        assert len(held.held_items(inquiry)) == 1


def token_of_site(browser: Browser) -> str:
    """The agent's CSRF token (a valid one: the refusal must come from security)."""
    from plone.protect.authenticator import createToken

    match = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', browser.contents)
    return match.group(1) if match else createToken()
