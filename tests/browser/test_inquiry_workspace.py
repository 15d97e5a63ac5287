"""The handler's loop in a real browser: timeline, composer and quick actions."""

from collective.servicedesk.content.assignment import assign
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from plone import api
from tests.browser_fixtures import screenshot
from tests.replies.helpers import point_mailhost
from tests.workspace.helpers import PASSWORD
import pytest
import re
import transaction

TITLE = "Garasje nær nabogrensen"


@pytest.fixture
def loop_site(functional_portal, smtp):
    """The demo municipality, a real SMTP sink and an inquiry for Per Byggmester."""
    portal = functional_portal
    portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
        # Screenshots for the docs are taken in Bokmål.
        api.portal.set_registry_record("plone.available_languages", ["nb"])
        api.portal.set_registry_record("plone.default_language", "nb")
        point_mailhost(smtp.port)
        desk = api.content.find(portal_type="ServiceDesk")[0].getObject()
    with api.env.adopt_user(username="agent"):
        inquiry = api.content.create(
            container=desk,
            type="Inquiry",
            title=TITLE,
            description="Hvor nær grensen kan garasjen stå?",
            channel="phone",
            requester_name="Åse Nordmann",
            requester_email="ase@example.org",
            reply_channel="email",
        )
        assign(
            inquiry,
            handler="handler",
            unit="servicedesk-building",
            reason="Byggesak",
        )
    transaction.commit()
    return portal, inquiry


class Counter:
    """Counts what a person does: clicks, typing and choices."""

    def __init__(self, page) -> None:
        self.page = page
        self.count = 0

    def click(self, selector: str) -> None:
        self.count += 1
        self.page.click(selector)

    def fill(self, selector: str, text: str) -> None:
        self.count += 1
        self.page.fill(selector, text)

    def select(self, selector: str, value: str) -> None:
        self.count += 1
        self.page.select_option(selector, value)


def test_note_reply_and_close_in_six(loop_site, new_page, smtp):
    portal, inquiry = loop_site
    page = new_page("handler", PASSWORD)
    page.goto(portal.absolute_url())
    person = Counter(page)
    person.click("#sd-ws-queue > summary")
    page.wait_for_selector(f"#sd-ws-queue .sd-rows a:has-text('{TITLE}')")
    person.click(f"#sd-ws-queue .sd-rows a:has-text('{TITLE}')")
    page.wait_for_selector("#timeline")
    person.fill("#composer-note", "Ringte Åse: garasjen er 3 m fra grensen.")
    person.click("#composer-add-note")
    page.wait_for_selector(".servicedesk-timeline-entry.kind-note")
    person.fill("#composer-text", "Hei Åse!\n\nGarasjen kan stå 1 m fra grensen.")
    screenshot(page, "inquiry-workspace-composer")
    person.click("#composer-send-close")
    page.wait_for_selector(".servicedesk-timeline-entry.kind-reply_email")
    assert person.count <= 6
    transaction.begin()
    assert api.content.get_state(inquiry) == "closed"
    assert "1 m fra grensen" in inquiry.answer
    # The timeline: registration, routing, note, reply, answered, closed.
    kinds = page.eval_on_selector_all(
        ".servicedesk-timeline-entry", "els => els.map(e => e.className)"
    )
    assert any("kind-note" in kind for kind in kinds)
    assert any("kind-reply_email" in kind for kind in kinds)
    text = page.inner_text("#timeline")
    assert "Per Byggmester" in text and "Kari Nordmann" in text
    # Ids never stand where a name exists ("Saksbehandler" is a word).
    assert not re.search(r"\bhandler\b", page.inner_text(".servicedesk-timeline"))
    screenshot(page, "inquiry-workspace-timeline")
    assert wait_for_deliveries()
    smtp.wait_for(1)
    received = smtp.received
    assert any("ase@example.org" in rcpt for rcpt, _from, _message in received)


def test_forward_with_reason_in_four(loop_site, new_page):
    portal, inquiry = loop_site
    page = new_page("handler", PASSWORD)
    page.goto(inquiry.absolute_url())
    person = Counter(page)
    person.click("#quick-forward")
    person.select("#forward-handler", "handler2")
    person.fill("#forward-reason", "Gjelder helse, ikke byggesak")
    screenshot(page, "inquiry-workspace-forward")
    person.click("#forward-submit")
    page.wait_for_selector(".servicedesk-timeline-entry.kind-forward")
    assert person.count <= 4
    transaction.begin()
    assert inquiry.responsible_handler == "handler2"
    assert api.content.get_state(inquiry) == "forwarded"
    assert "Gjelder helse, ikke byggesak" in page.inner_text("#timeline")
