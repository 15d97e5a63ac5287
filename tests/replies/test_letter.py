"""Letter replies: a PDF with the letterhead, reference number, date and text."""

from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.history import entries
from collective.servicedesk.replies.api import ReplyError
from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.replies.storage import list_replies
from datetime import UTC
from datetime import datetime
from io import BytesIO
from plone import api
from pypdf import PdfReader
from zExceptions import NotFound
import pytest

BODY = "Hei Åse,\n\nSøknaden om garasje er godkjent.\nMed vennlig hilsen"


@pytest.fixture
def letterhead(inquiry):
    record = "collective.servicedesk.{}".format
    api.portal.set_registry_record(record("letterhead_name"), "Fjordvik kommune")
    api.portal.set_registry_record(
        record("letterhead_address"), "Rådhusgata 1\n6800 Fjordvik\nTlf. 57 00 00 00"
    )
    api.portal.set_registry_record(record("letterhead_logo_text"), "FJORDVIK")
    return inquiry


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


class TestLetter:
    def test_pdf_has_letterhead_reference_date_and_text(self, letterhead):
        reply = send_reply(
            letterhead,
            "letter",
            BODY,
            subject="Vedtak om garasje",
            recipient_name="Åse Nordmann",
            recipient_address="Storgata 2\n6800 Fjordvik",
        )
        blob = reply["file"]
        assert blob.contentType == "application/pdf"
        assert blob.data.startswith(b"%PDF")
        text = pdf_text(blob.data)
        today = to_local(datetime.now(UTC)).strftime("%d.%m.%Y")
        for expected in (
            "FJORDVIK",
            "Fjordvik kommune",
            "Rådhusgata 1",
            "6800 Fjordvik",
            "Åse Nordmann",
            "Storgata 2",
            letterhead.reference_number,
            today,
            "Vedtak om garasje",
            "Søknaden om garasje er godkjent.",
            "Med vennlig hilsen",
        ):
            assert expected in text
        assert entries(letterhead)[-1]["action"] == "reply_letter"
        (stored,) = list_replies(letterhead)
        assert stored["recipient_address"] == "Storgata 2\n6800 Fjordvik"

    def test_markup_is_not_interpreted(self, letterhead):
        reply = send_reply(
            letterhead,
            "letter",
            "A <b>bold</b> & <font size=40>claim</font>",
            recipient_name="X",
        )
        assert "A <b>bold</b> & <font size=40>claim</font>" in pdf_text(
            reply["file"].data
        )

    def test_download_view(self, letterhead, http_request):
        reply = send_reply(letterhead, "letter", BODY, recipient_name="Åse Nordmann")
        request = letterhead.REQUEST
        request.form["id"] = reply["id"]
        view = api.content.get_view("reply-letter", letterhead, request)
        data = view()
        body = data if isinstance(data, bytes) else b"".join(data)
        assert body.startswith(b"%PDF")
        assert request.response.getHeader("Content-Type") == "application/pdf"
        assert "no-store" in request.response.getHeader("Cache-Control")

    def test_download_unknown_id(self, letterhead):
        request = letterhead.REQUEST
        request.form["id"] = "nope"
        view = api.content.get_view("reply-letter", letterhead, request)
        with pytest.raises(NotFound):
            view()

    def test_letter_needs_a_recipient(self, letterhead):
        with pytest.raises(ReplyError) as error:
            send_reply(letterhead, "letter", BODY)
        assert error.value.field == "recipient_address"
        assert list_replies(letterhead) == []
