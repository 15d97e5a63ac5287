"""The quick bar records who is calling and shows the caller's earlier inquiries."""

from plone import api
from plone.app.testing import login
from tests.workspace.helpers import call
from tests.workspace.helpers import inquiries
from tests.workspace.helpers import make_inquiry
import pytest

PHONE = "+47 912 34 567"


def lookup(portal, request, **form):
    return call(portal, request, "servicedesk-caller-inquiries", **form)


class TestCallerFields:
    def test_register_with_caller_and_any_channel(self, portal, http_request, desk):
        login(portal, "agent")
        status, body = call(
            portal,
            http_request,
            "servicedesk-quick-register",
            title="Spør om e-postsvar",
            channel="email",
            requester_phone=PHONE,
            requester_email="Kari@Example.no",
            requester_name="Kari Nordmann",
        )
        assert status == 201, body
        (inquiry,) = inquiries()
        assert inquiry.channel == "email"
        assert inquiry.requester_phone == PHONE
        assert inquiry.requester_email == "Kari@Example.no"
        assert inquiry.requester_name == "Kari Nordmann"

    def test_unrouted_inquiry_waits_unassigned(self, portal, http_request, desk):
        login(portal, "agent")
        call(portal, http_request, "servicedesk-quick-register", title="Hei")
        (inquiry,) = inquiries()
        # The same fallback as the registration form: nobody is assigned.
        assert inquiry.responsible_handler is None
        assert api.content.get_state(inquiry) == "registered"
        from collective.servicedesk.history.storage import entries

        texts = " ".join(str(entry.get("comment", "")) for entry in entries(inquiry))
        assert "quick bar" not in texts


class TestEarlierInquiries:
    @pytest.fixture
    def earlier(self, desk):
        older = make_inquiry(desk, "Første", requester_phone="91234567")
        other = make_inquiry(desk, "Annen", requester_phone="99999999")
        mail = make_inquiry(desk, "E-post", requester_email="kari@example.no")
        for inquiry in (older, other, mail):
            inquiry.reindexObject()
        return older, other, mail

    def test_phone_in_any_notation_finds_them(self, portal, http_request, earlier):
        login(portal, "agent")
        status, body = lookup(portal, http_request, phone=PHONE)
        assert status == 200
        # +47 912 34 567 and 91234567 are the same number.
        titles = [item["title"] for item in body["items"]]
        assert titles == ["Første"]
        item = body["items"][0]
        assert item["reference"] == earlier[0].reference_number
        assert item["state"] == "registered"
        assert item["created_local"]

    def test_email_case_insensitive(self, portal, http_request, earlier):
        login(portal, "agent")
        status, body = lookup(portal, http_request, email="KARI@example.NO")
        assert [item["title"] for item in body["items"]] == ["E-post"]

    def test_nothing_typed_gives_nothing(self, portal, http_request, earlier):
        login(portal, "agent")
        status, body = lookup(portal, http_request)
        assert status == 200
        assert body["items"] == []

    def test_permission_filtered(self, portal, http_request, earlier):
        # The knowledge editor uses the workspace but may not view inquiries:
        # the lookup must not reveal them.
        login(portal, "editor")
        status, body = lookup(portal, http_request, phone="91234567")
        assert status == 200
        assert body["items"] == []
        assert body["total"] == 0

    def test_get_refused(self, portal, http_request, earlier):
        login(portal, "agent")
        status, body = call(
            portal,
            http_request,
            "servicedesk-caller-inquiries",
            method="GET",
            phone="91234567",
        )
        assert status == 405
        assert body["ok"] is False

    def test_too_long_refused(self, portal, http_request, earlier):
        login(portal, "agent")
        status, body = lookup(portal, http_request, email="a" * 300)
        assert status == 400
        assert body["errors"]["email"]
