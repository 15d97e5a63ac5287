"""Reassign or forward an inquiry from its page, with a reason in the history."""

from collective.servicedesk.history import entries
from collective.servicedesk.registration import service
from plone import api
from plone.protect.authenticator import createToken
import pytest


@pytest.fixture
def inquiry(desk):
    obj = service.register(desk, {"channel": "phone", "title": "Garasje"})
    return obj


def post(inquiry, request, **form):
    request.method = "POST"
    request.form.update({"form.submitted": "1", "_authenticator": createToken()})
    request.form.update(form)
    view = api.content.get_view("reassign", inquiry, request)
    html = view()
    return view, html


class TestReassign:
    def test_form_renders_with_options(self, inquiry, http_request):
        view = api.content.get_view("reassign", inquiry, http_request)
        html = view()
        assert "servicedesk-building" in html
        assert 'name="reason"' in html

    def test_reason_required_and_values_kept(self, inquiry, http_request):
        view, html = post(inquiry, http_request, handler="handler", reason="")
        assert "reason" in view.errors
        # The chosen handler stays selected in the form.
        assert 'value="handler" selected' in html.replace(
            'selected="selected"', "selected"
        )
        assert inquiry.responsible_handler != "handler"

    def test_reassign_records_reason(self, inquiry, http_request):
        view, _html = post(
            inquiry, http_request, handler="handler2", unit="", reason="Helse"
        )
        assert view.errors == {}
        assert inquiry.responsible_handler == "handler2"
        last = [e for e in entries(inquiry) if e["action"] == "reassigned"][-1]
        assert last["comment"] == "Helse"

    def test_forward_now(self, inquiry, http_request):
        inquiry.responsible_handler = None
        view, _html = post(
            inquiry,
            http_request,
            handler="handler",
            unit="servicedesk-building",
            reason="Byggesak",
            forward="1",
        )
        assert view.errors == {}
        assert api.content.get_state(inquiry) == "forwarded"


class TestForwardKept:
    """Issue 14: a missing reason must not untick "forward now"."""

    def test_forward_offered_before_a_target_is_set(self, inquiry, http_request):
        inquiry.responsible_handler = None
        inquiry.responsible_unit = None
        html = api.content.get_view("reassign", inquiry, http_request)()
        assert 'id="reassign-forward"' in html

    def test_error_keeps_forward_ticked(self, inquiry, http_request):
        view, html = post(
            inquiry, http_request, handler="handler", reason="", forward="1"
        )
        assert "reason" in view.errors
        tag = html.split('id="reassign-forward"')[0].rsplit("<input", 1)[1]
        tag += html.split('id="reassign-forward"')[1].split("/>", 1)[0]
        assert "checked" in tag
