"""Message box, send form and internal notes through the browser."""

from collective.servicedesk.messages import add_note
from collective.servicedesk.messages import box
from collective.servicedesk.messages import unread_count
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser
from zExceptions import Forbidden
import pytest
import re
import transaction

PASSWORD = "secret-password-123"


@pytest.fixture
def site(functional_portal):
    portal = functional_portal
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for user_id, roles in (("kari", ["Service Desk Agent"]), ("per", ["Case Handler"])):
        api.user.create(
            username=user_id,
            email=f"{user_id}@demo.kommune.no",
            password=PASSWORD,
            properties={"fullname": user_id.title()},
        )
        setRoles(portal, user_id, roles)
    api.user.create(username="citizen", email="c@example.org", password=PASSWORD)
    api.group.create(groupname="unit-building", title="Building")
    api.group.add_user(groupname="unit-building", username="per")
    transaction.commit()
    return portal


def browser_for(app, user_id: str | None) -> Browser:
    browser = Browser(app)
    browser.handleErrors = False
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    return browser


def token(browser: Browser) -> str:
    return re.search(
        r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', browser.contents
    ).group(1)


def last_transaction(portal):
    return portal._p_jar.db().lastTransaction()


class TestMessageBox:
    def test_list_search_and_no_write_on_get(self, functional_app, site):
        box.deliver("kari", "<b>Heating</b>", "The radiator is cold")
        box.deliver("kari", "Street light", "Broken")
        transaction.commit()
        browser = browser_for(functional_app, "kari")
        # Plone itself stores portlet settings on the very first page view.
        browser.open(site.absolute_url() + "/@@message-box")
        before = last_transaction(site)
        browser.open(site.absolute_url() + "/@@message-box")
        assert "&lt;b&gt;Heating&lt;/b&gt;" in browser.contents
        assert "Street light" in browser.contents
        browser.open(site.absolute_url() + "/@@message-box?q=radiator")
        listing = browser.contents.split('id="message-box-form"')[1]
        assert "Heating" in listing
        assert "Street light" not in listing
        assert last_transaction(site) == before

    def test_mark_read_delete_and_status_are_posts(self, functional_app, site):
        first = box.deliver("kari", "One", "x")
        second = box.deliver("kari", "Two", "y")
        transaction.commit()
        browser = browser_for(functional_app, "kari")
        url = site.absolute_url() + "/@@message-box"
        browser.open(url)
        browser.post(
            url, f"_authenticator={token(browser)}&action=read&ids:list={first}"
        )
        transaction.begin()
        assert unread_count("kari") == 1
        browser.open(url)
        browser.post(
            url,
            f"_authenticator={token(browser)}&set_status=0&entry_0={second}"
            "&status_0=done",
        )
        transaction.begin()
        assert box.get_entry("kari", second)["status"] == "done"
        browser.open(url)
        browser.post(
            url, f"_authenticator={token(browser)}&action=delete&ids:list={first}"
        )
        transaction.begin()
        assert [e["id"] for e in box.entries("kari")] == [second]

    def test_post_without_token_is_refused(self, functional_app, site):
        entry = box.deliver("kari", "One", "x")
        transaction.commit()
        browser = browser_for(functional_app, "kari")
        with pytest.raises(Forbidden):
            browser.post(
                site.absolute_url() + "/@@message-box", f"action=read&ids:list={entry}"
            )
        transaction.begin()
        assert unread_count("kari") == 1

    def test_anonymous_has_no_box(self, functional_app, site):
        browser = browser_for(functional_app, None)
        browser.handleErrors = True
        browser.open(site.absolute_url() + "/@@message-box")
        assert "__ac_name" in browser.contents or "login" in browser.url


class TestSendForm:
    def test_unknown_recipient_keeps_the_typed_values(self, functional_app, site):
        browser = browser_for(functional_app, "kari")
        browser.open(site.absolute_url() + "/@@send-message")
        browser.getControl(name="recipients").value = "per, nobody-here"
        browser.getControl(name="subject").value = "Meeting"
        browser.getControl(name="text").value = "At ten"
        browser.getControl(name="form.buttons.send").click()
        assert "No person or group is called: nobody-here" in browser.contents
        assert browser.getControl(name="recipients").value == "per, nobody-here"
        assert browser.getControl(name="text").value == "At ten"
        transaction.begin()
        assert unread_count("per") == 0

    def test_send_to_a_group(self, functional_app, site):
        browser = browser_for(functional_app, "kari")
        browser.open(site.absolute_url() + "/@@send-message?to=unit-building")
        assert browser.getControl(name="recipients").value == "unit-building"
        browser.getControl(name="subject").value = "Meeting"
        browser.getControl(name="text").value = "At ten"
        browser.getControl(name="form.buttons.send").click()
        assert "@@message-box" in browser.url
        transaction.begin()
        assert [e["subject"] for e in box.entries("per")] == ["Meeting"]

    def test_citizen_cannot_send(self, functional_app, site):
        browser = browser_for(functional_app, "citizen")
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(site.absolute_url() + "/@@send-message")
        assert 'name="recipients"' not in browser.contents
        assert "Insufficient Privileges" in browser.contents or browser.headers[
            "status"
        ].startswith(("401", "403"))


@pytest.fixture
def inquiry(site):
    desk = api.content.create(container=site, type="ServiceDesk", id="service-desk")
    obj = api.content.create(
        container=desk, type="Inquiry", title="Noise", responsible_handler="per"
    )
    add_note(obj, "Neighbour has been warned twice.")
    transaction.commit()
    return obj


class TestNotesViews:
    def test_staff_see_the_notes(self, functional_app, inquiry):
        browser = browser_for(functional_app, "per")
        browser.open(inquiry.absolute_url())
        assert "Neighbour has been warned twice." in browser.contents
        assert 'id="composer-note"' in browser.contents

    def test_notes_only_for_staff_in_the_rest_api(
        self, functional_app, inquiry, manager_request, anon_request
    ):
        import json

        path = "/" + "/".join(inquiry.getPhysicalPath()[2:])
        response = manager_request.get(path)
        assert response.status_code == 200
        data = response.json()
        # Staff with "View internal notes" get them in their own key only.
        assert any("warned twice" in n["text"] for n in data["internal_notes"])
        rest = {k: v for k, v in data.items() if k != "internal_notes"}
        assert "warned twice" not in json.dumps(rest)
        assert anon_request.get(path).status_code == 404  # as if missing

    def test_add_a_note_and_an_empty_one(self, functional_app, inquiry):
        browser = browser_for(functional_app, "per")
        browser.open(inquiry.absolute_url())
        browser.getControl(name="note_text").value = "Visited today."
        browser.getControl(name="form.buttons.note").click()
        transaction.begin()
        from collective.servicedesk.messages import notes

        assert [n["text"] for n in notes(inquiry)][-1] == "Visited today."
        browser.open(inquiry.absolute_url())
        browser.getControl(name="note_text").value = "   "
        browser.getControl(name="form.buttons.note").click()
        assert "Write the note first." in browser.contents
        transaction.begin()
        assert len(notes(inquiry)) == 2
