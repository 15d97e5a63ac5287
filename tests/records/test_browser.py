"""The inquiry's records viewlet, the file button and the admin page."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.records import state
from collective.servicedesk.records.browser.viewlet import RecordsViewlet
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.protect.authenticator import createToken
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain
from tests.records.helpers import filable
from tests.replies.helpers import add_user
from tests.replies.helpers import make_desk
from zExceptions import Forbidden
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
from zope.viewlet.interfaces import IViewlet
from zope.viewlet.interfaces import IViewletManager
import pytest

REJECTION = {"type": "ikkefunnet", "id": "f-1", "text": "Saken 2026/999 finnes ikke"}


@pytest.fixture
def inquiry(portal, http_request, xsd_folder, tmp_path):
    from tests.records.fixtures import configure

    alsoProvides(http_request, IServiceDeskLayer)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    configure(transport="none", spool_folder=str(tmp_path))
    obj = filable(make_desk(portal), title="Garasje")
    add_user("agent", ["Service Desk Agent"])
    add_user("lead", ["Service Desk Lead"])
    return obj


def viewlet(obj, request) -> str:
    """Render the registered viewlet (its template, permission and layer)."""
    view = getMultiAdapter((obj, request), name="view")
    manager = getMultiAdapter(
        (obj, request, view), IViewletManager, name="plone.belowcontentbody"
    )
    item = getMultiAdapter(
        (obj, request, view, manager), IViewlet, name="collective.servicedesk.records"
    )
    assert isinstance(item, RecordsViewlet)
    item.update()
    return item.render()


class TestViewlet:
    def test_agent_gets_the_button(self, portal, inquiry, http_request):
        login(portal, "agent")
        html = viewlet(inquiry, http_request)
        assert "Not sent to the records system" in html
        assert "@@servicedesk-file" in html and 'value="request"' in html

    def test_rejection_in_plain_words_and_resend(self, portal, inquiry, http_request):
        state.put(
            inquiry, {"status": state.REJECTED, "messages": [], "error": REJECTION}
        )
        login(portal, "agent")
        html = viewlet(inquiry, http_request)
        assert "did not find the case: Saken 2026/999 finnes ikke" in html
        assert 'value="resend"' in html

    def test_filed_shows_numbers_no_button(self, portal, inquiry, http_request):
        state.put(
            inquiry,
            {
                "status": state.FILED,
                "case_number": "2026/118",
                "messages": [
                    {
                        "id": "m",
                        "kind": "I",
                        "state": state.DONE,
                        "journalpost_number": "1",
                        "registry_entry": "2026/1001",
                        "date": "2026-03-01",
                    }
                ],
            },
        )
        inquiry.case_number = "2026/118"
        login(portal, "agent")
        html = viewlet(inquiry, http_request)
        assert "Filed in the records system" in html
        assert "2026/1001" in html and "@@servicedesk-case?number=2026/118" in html
        assert "@@servicedesk-file" not in html


class TestFileView:
    def test_needs_the_authenticator(self, portal, inquiry, http_request):
        login(portal, "agent")
        http_request.method = "POST"
        view = getMultiAdapter((inquiry, http_request), name="servicedesk-file")
        with pytest.raises(Forbidden):
            view()
        assert state.status(inquiry) == ""

    def test_requests_filing(self, portal, inquiry, http_request):
        login(portal, "agent")
        http_request.method = "POST"
        http_request.form["_authenticator"] = createToken()
        getMultiAdapter((inquiry, http_request), name="servicedesk-file")()
        assert state.status(inquiry) == state.PENDING


class TestAdmin:
    def test_counts_and_rejections_from_brains(
        self, portal, inquiry, http_request, monkeypatch
    ):
        state.put(
            inquiry, {"status": state.REJECTED, "messages": [], "error": REJECTION}
        )
        inquiry.reindexObject()

        def no_objects(self, *args, **kwargs):
            raise AssertionError("the admin page called getObject()")

        monkeypatch.setattr(AbstractCatalogBrain, "getObject", no_objects)
        login(portal, "lead")
        html = getMultiAdapter(
            (portal, http_request), name="servicedesk-records-admin"
        )()
        assert "Garasje" in html
        assert "Saken 2026/999 finnes ikke" in html
        assert "Send again" in html


class TestAdminActions:
    def test_resend_after_a_fix(self, portal, inquiry, http_request):
        state.put(
            inquiry, {"status": state.REJECTED, "messages": [], "error": REJECTION}
        )
        inquiry.reindexObject()
        login(portal, "lead")
        http_request.method = "POST"
        http_request.form.update(
            {"uid": inquiry.UID(), "_authenticator": createToken()}
        )
        getMultiAdapter((portal, http_request), name="servicedesk-records-admin")()
        assert state.status(inquiry) == state.PENDING

    def test_resend_needs_the_authenticator(self, portal, inquiry, http_request):
        state.put(
            inquiry, {"status": state.REJECTED, "messages": [], "error": REJECTION}
        )
        login(portal, "lead")
        http_request.method = "POST"
        http_request.form.update({"uid": inquiry.UID()})
        with pytest.raises(Forbidden):
            getMultiAdapter((portal, http_request), name="servicedesk-records-admin")()
        assert state.status(inquiry) == state.REJECTED

    def test_retry_given_up_messages(self, portal, inquiry, http_request, tmp_path):
        from collective.servicedesk.records import spool as outbox
        from collective.servicedesk.records.transport import Outgoing

        spool = outbox.Spool(tmp_path)
        spool.add("uid", Outgoing("m-1", "t", [("a.xml", "application/xml", b"<a/>")]))
        later = __import__("time").time()
        for _attempt in range(outbox.MAX_ATTEMPTS):
            later += 10**5  # each retry is due (the backoff is at most an hour)
            row = spool.claim(now=later)
            spool.failed(row.id, "refused", now=later)
        assert spool.get("m-1").status == outbox.GIVEN_UP
        login(portal, "lead")
        http_request.method = "POST"
        http_request.form.update({"retry": "1", "_authenticator": createToken()})
        html = getMultiAdapter(
            (portal, http_request), name="servicedesk-records-admin"
        )()
        assert spool.get("m-1").status == outbox.FAILED
        assert "Outbox" in html
