"""The HTML forms refuse over-long text with a clear message (issue 12)."""

from plone.testing.zope import Browser
from tests.services.conftest import PASSWORD
from tests.services.helpers import old_token
import pytest
import transaction


@pytest.fixture
def browser(functional_app, public_desk, users):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic agent-x:{PASSWORD}")
    return browser


def test_register_form_title_too_long(browser, public_desk):
    browser.open(public_desk.absolute_url() + "/@@register")
    browser.getControl(name="form.widgets.title").value = "x" * 301
    browser.getControl(name="form.buttons.register").click()
    assert "This text is too long (at most 300 characters)." in browser.contents
    transaction.begin()
    assert not public_desk.objectIds()


def test_register_form_accepts_the_limit(browser, public_desk):
    browser.open(public_desk.absolute_url() + "/@@register")
    browser.getControl(name="form.widgets.title").value = "x" * 300
    browser.getControl(name="form.buttons.register").click()
    assert "This text is too long" not in browser.contents


def test_ask_form_name_too_long(functional_app, functional_portal, public_desk):
    browser = Browser(functional_app)
    browser.raiseHttpErrors = False
    browser.post(
        functional_portal.absolute_url() + "/@@ask",
        "&".join(
            [
                "question=Hvor+blir+det+av+br%C3%B8ytingen%3F",
                "contact=email",
                "email=ola%40example.no",
                "name=" + "n" * 201,
                f"form_started={old_token()}",
                "form.buttons.send=send",
            ]
        ),
    )
    assert browser.headers["status"].startswith("400")
    assert "This text is too long (at most 200 characters)." in browser.contents
    transaction.begin()
    assert not public_desk.objectIds()
