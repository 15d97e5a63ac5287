"""The reply form: templates with placeholders, clear errors, typed values kept."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.replies.api import ReplyError
from collective.servicedesk.replies.api import normalise_phone
from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.replies.storage import list_replies
from collective.servicedesk.replies.templates import save_template
from datetime import UTC
from datetime import datetime
from plone import api
from zope.i18n import translate
from zope.interface import alsoProvides
import pytest


def form_view(inquiry, **form):
    """Return the reply form with a POST request carrying ``form``."""
    request = inquiry.REQUEST
    alsoProvides(request, IServiceDeskLayer)
    request.method = "POST"
    request["REQUEST_METHOD"] = "POST"
    request.form.clear()
    request.form.update(form)
    # plone.protect: the form carries a valid authenticator.
    authenticator = api.content.get_view("authenticator", inquiry, request)
    request.form["_authenticator"] = authenticator.token()
    return api.content.get_view("reply", inquiry, request)


@pytest.fixture
def template(inquiry):
    return save_template(
        "Mottatt",
        "Hei {name}!\nVi har mottatt henvendelse {reference_number} om {category}. "
        "Svar innen {due_date}. {unknown_thing}",
        subject="Henvendelse {reference_number}",
        channels=["email", "letter"],
    )


class TestApplyTemplate:
    def test_placeholders_filled_unknown_left(self, inquiry, template):
        inquiry.due_date = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)
        view = form_view(
            inquiry,
            channel="sms",
            template_id=template["id"],
            **{"form.buttons.apply": "1"},
        )
        html = view()
        text = view.values["text"]
        assert text.startswith("Hei Åse Nordmann!")
        assert inquiry.reference_number in text
        assert "20.05.2026" in text
        assert "{unknown_thing}" in text
        assert view.values["subject"] == f"Henvendelse {inquiry.reference_number}"
        # The template is for e-mail and letter only: the channel follows it.
        assert view.values["channel"] == "email"
        assert "Hei Åse Nordmann!" in html
        assert list_replies(inquiry) == []

    def test_unknown_placeholder_blocks_sending(self, inquiry):
        typed = "Hei {nmae}, svaret kommer."
        view = form_view(
            inquiry,
            channel="email",
            recipient_email="ase@example.org",
            text=typed,
            **{"form.buttons.send": "1"},
        )
        html = view()
        assert "{nmae}" in translate(view.errors["text"])
        assert view.values["text"] == typed
        assert typed in html
        assert list_replies(inquiry) == []


class TestSend:
    def test_send_email_redirects_and_records(self, inquiry):
        view = form_view(
            inquiry,
            channel="email",
            recipient_email="ase@example.org",
            subject="Svar",
            text="Ref {reference_number}",
            **{"form.buttons.send": "1"},
        )
        view()
        assert view.errors == {}
        assert inquiry.REQUEST.response.getStatus() == 302
        (reply,) = list_replies(inquiry)
        assert reply["text"] == f"Ref {inquiry.reference_number}"
        assert reply["channel"] == "email"

    @pytest.mark.parametrize(
        "channel,form,field",
        [
            (
                "email",
                {"recipient_email": "not-an-address", "text": "x"},
                "recipient_email",
            ),
            ("sms", {"recipient_phone": "12", "text": "x"}, "recipient_phone"),
            ("sms", {"recipient_phone": "91234567", "text": "x" * 1001}, "text"),
            ("email", {"recipient_email": "ase@example.org", "text": "  "}, "text"),
            ("letter", {"recipient_name": "", "text": "x"}, "recipient_address"),
            ("fax", {"text": "x"}, "channel"),
        ],
    )
    def test_bad_input_is_explained_and_kept(self, inquiry, channel, form, field):
        view = form_view(inquiry, channel=channel, **form, **{"form.buttons.send": "1"})
        view.request.form["recipient_name"] = form.get("recipient_name", "")
        html = view()
        assert field in view.errors
        assert translate(view.errors[field], target_language="nb")
        assert view.values["channel"] == channel
        for name, value in form.items():
            assert view.values[name] == value
        assert 'role="alert"' in html
        assert list_replies(inquiry) == []


class TestAPI:
    @pytest.mark.parametrize(
        "typed,expected",
        [
            ("912 34 567", "+4791234567"),
            ("+47 912 34 567", "+4791234567"),
            ("0047 91234567", "+4791234567"),
            ("+46 70 123 45 67", "+46701234567"),
        ],
    )
    def test_normalise_phone(self, typed, expected):
        assert normalise_phone(typed) == expected

    def test_error_carries_field(self, inquiry):
        with pytest.raises(ReplyError) as error:
            send_reply(inquiry, "email", "x", recipient="nope")
        assert error.value.field == "recipient"
