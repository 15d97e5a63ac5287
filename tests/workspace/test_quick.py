"""The quick registration bar's endpoints: register, answer with an FAQ, suggest."""

from collective.servicedesk.knowledge.usage import faq_use_count
from plone import api
from plone.app.testing import login
from plone.protect.authenticator import createToken
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_kb
from tests.workspace.helpers import call
from tests.workspace.helpers import inquiries
import pytest


@pytest.fixture
def faq(portal, desk):
    kb = make_kb(portal)
    return make_faq(
        kb,
        "Når tømmes søppeldunken?",
        answer="<p>Restavfall tømmes <strong>annenhver uke</strong>.</p>"
        "<p>Se tømmekalenderen.</p>",
        state="published_internally",
    )


class TestRegister:
    def test_register_phone_inquiry(self, portal, http_request, desk):
        login(portal, "agent")
        status, body = call(
            portal,
            http_request,
            "servicedesk-quick-register",
            title="Spør om byggesak",
            channel="phone",
        )
        assert status == 201
        assert body["ok"] is True
        (inquiry,) = inquiries()
        assert inquiry.title == "Spør om byggesak"
        assert inquiry.channel == "phone"
        # Nobody found by routing: as from the form, it waits unassigned in
        # the desk's queue instead of staying with the agent who took the call.
        assert inquiry.responsible_handler is None
        assert inquiry.responsible_unit is None
        assert api.content.get_state(inquiry) == "registered"
        assert body["inquiry"]["reference"] == inquiry.reference_number
        assert body["queue"]["count"] == 0
        assert inquiry.reference_number in body["message"]

    def test_routed_by_category(self, portal, http_request, desk):
        from collective.servicedesk.categories.storage import update_category

        update_category("building-permits", unit="servicedesk-building")
        login(portal, "agent")
        status, body = call(
            portal,
            http_request,
            "servicedesk-quick-register",
            title="Garasje",
            channel="visit",
            category="building-permits",
        )
        assert status == 201
        (inquiry,) = inquiries()
        assert inquiry.responsible_unit == "servicedesk-building"
        assert inquiry.channel == "visit"
        assert body["queue"]["count"] == 0
        assert "routed to" in body["message"]

    @pytest.mark.parametrize(
        "form,field",
        [
            ({"title": "", "channel": "phone"}, "title"),
            ({"title": "Hei", "channel": "pigeon"}, "channel"),
            ({"title": "Hei", "requester_email": "not-an-address"}, "requester_email"),
            ({"title": "Hei", "requester_phone": "call me"}, "requester_phone"),
            ({"title": "Hei", "category": "no-such-category"}, "category"),
        ],
    )
    def test_refused_input(self, portal, http_request, desk, form, field):
        login(portal, "agent")
        status, body = call(portal, http_request, "servicedesk-quick-register", **form)
        assert status == 400
        assert body["ok"] is False
        assert body["errors"][field]
        assert inquiries() == []

    def test_admin_requires_more_than_the_bar_has(self, portal, http_request, desk):
        api.portal.set_registry_record(
            "collective.servicedesk.required_fields", ["title", "service_level"]
        )
        login(portal, "agent")
        status, body = call(
            portal, http_request, "servicedesk-quick-register", title="Hei"
        )
        assert status == 400
        assert "Service level" in body["errors"]["form"]

    def test_required_caller_field_is_asked_in_the_bar(
        self, portal, http_request, desk
    ):
        api.portal.set_registry_record(
            "collective.servicedesk.required_fields", ["title", "requester_phone"]
        )
        login(portal, "agent")
        status, body = call(
            portal, http_request, "servicedesk-quick-register", title="Hei"
        )
        assert status == 400
        assert body["errors"]["requester_phone"]
        assert "form" not in body["errors"]
        assert inquiries() == []

    def test_get_is_refused(self, portal, http_request, desk):
        login(portal, "agent")
        status, body = call(
            portal,
            http_request,
            "servicedesk-quick-register",
            method="GET",
            title="Hei",
        )
        assert status == 405
        assert inquiries() == []

    def test_missing_token_is_refused(self, portal, http_request, desk):
        login(portal, "agent")
        status, body = call(
            portal, http_request, "servicedesk-quick-register", token=False, title="Hei"
        )
        assert status == 403
        assert "Reload" in body["errors"]["form"]
        assert inquiries() == []

    def test_plain_form_post_redirects_back(self, portal, http_request, desk):
        login(portal, "agent")
        http_request.method = "POST"
        http_request.form.update(
            title="Uten JavaScript",
            channel="phone",
            _authenticator=createToken(),
            came_from=portal.absolute_url() + "/news",
        )
        portal.restrictedTraverse("@@servicedesk-quick-register")()
        assert http_request.response.getStatus() == 302
        assert http_request.response.getHeader("Location").endswith("/news")
        assert len(inquiries()) == 1


class TestFAQ:
    def test_suggestions_while_typing(self, portal, http_request, faq):
        login(portal, "agent")
        status, body = call(
            portal,
            http_request,
            "servicedesk-faq-suggest",
            method="GET",
            token=False,
            q="når tømmes søppel",
        )
        assert status == 200
        assert body["items"][0]["uid"] == api.content.get_uuid(faq)
        assert body["items"][0]["title"] == "Når tømmes søppeldunken?"

    def test_short_text_gives_nothing(self, portal, http_request, faq):
        login(portal, "agent")
        _status, body = call(
            portal,
            http_request,
            "servicedesk-faq-suggest",
            method="GET",
            token=False,
            q="nå",
        )
        assert body["items"] == []

    def test_register_and_close_with_faq(self, portal, http_request, faq):
        login(portal, "agent")
        status, body = call(
            portal,
            http_request,
            "servicedesk-quick-register",
            title="Når kommer søppelbilen",
            faq_uid=api.content.get_uuid(faq),
        )
        assert status == 201
        (inquiry,) = inquiries()
        assert api.content.get_state(inquiry) == "closed"
        assert inquiry.solved_first_contact is True
        assert inquiry.answer == "Restavfall tømmes annenhver uke.\nSe tømmekalenderen."
        assert faq_use_count(faq) == 1
        assert body["inquiry"]["state"] == "closed"
        assert body["queue"]["count"] == 0

    def test_answer_registered_inquiry_with_faq(self, portal, http_request, faq):
        login(portal, "agent")
        _status, first = call(
            portal, http_request, "servicedesk-quick-register", title="Søppel"
        )
        assert first["inquiry"]["state"] == "registered"
        http_request.form.clear()
        status, body = call(
            portal,
            http_request,
            "servicedesk-quick-answer",
            uid=first["inquiry"]["uid"],
            faq_uid=api.content.get_uuid(faq),
        )
        assert status == 200
        assert body["queue"]["count"] == 0
        (inquiry,) = inquiries()
        assert api.content.get_state(inquiry) == "closed"
        assert inquiry.solved_first_contact is True
        assert faq_use_count(faq) == 1

    def test_unknown_faq(self, portal, http_request, desk):
        login(portal, "agent")
        status, body = call(
            portal,
            http_request,
            "servicedesk-quick-register",
            title="Hei",
            faq_uid="nope",
        )
        assert status == 400
        assert "faq" in body["errors"]
        assert inquiries() == []
