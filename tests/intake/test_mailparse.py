"""Parsing real e-mails: charsets, multipart, attachments, replies."""

from collective.servicedesk.intake.mailparse import decode_bytes
from collective.servicedesk.intake.mailparse import parse_message
from collective.servicedesk.intake.mailparse import strip_quoted
from tests.intake import messages
import pytest


class TestCharsets:
    @pytest.mark.parametrize(
        "raw,subject,fragment",
        [
            (
                messages.utf8_quoted_printable(),
                "Spørsmål om søppeltømming på Ørnevegen",
                "Når blir søppelet tømt på Ørnevegen 7?",
            ),
            (messages.latin1_base64(), "Søknad om garasje", "å få bygge"),
            (messages.windows1252_labelled_latin1(), "Gebyr", "250 € – er det"),
            (messages.raw_unlabelled_8bit(), "Veilys", "på Bjørkelia er ødelagt"),
        ],
    )
    def test_norwegian_text_survives(self, raw, subject, fragment):
        mail = parse_message(raw)
        assert mail.subject == subject
        assert fragment in mail.text

    def test_from_name_and_address(self):
        mail = parse_message(messages.utf8_quoted_printable())
        assert mail.from_name == "Åse Bråthen"
        assert mail.from_email == "ase@example.no"
        assert mail.message_id == "<utf8-qp@example.no>"

    @pytest.mark.parametrize(
        "data,charset,expected",
        [
            ("blåbær".encode(), "utf-8", "blåbær"),
            ("blåbær".encode("latin-1"), "utf-8", "blåbær"),
            ("blåbær".encode("latin-1"), None, "blåbær"),
            ("blåbær".encode(), "no-such-charset", "blåbær"),
        ],
    )
    def test_decode_fallbacks(self, data, charset, expected):
        assert decode_bytes(data, charset) == expected


class TestStructure:
    def test_attachments_kept_with_names(self):
        mail = parse_message(messages.multipart_with_attachments())
        assert mail.text == "Vedlagt er tegningene til tilbygget."
        names = [(name, kind) for name, kind, _data in mail.attachments]
        assert names == [
            ("Tegning_å.pdf", "application/pdf"),
            ("kart.png", "image/png"),
        ]
        assert mail.attachments[0][2] == messages.PDF

    def test_plain_alternative_wins(self):
        mail = parse_message(messages.alternative_html())
        assert mail.text == "Kan jeg parkere på torget?"
        assert mail.attachments == []

    def test_html_only_becomes_text(self):
        mail = parse_message(messages.html_only())
        assert mail.text == "Første avsnitt.\n\nAndre & siste."
        assert "alert" not in mail.text and "color" not in mail.text

    def test_forwarded_message_is_one_attachment(self):
        mail = parse_message(messages.forwarded())
        assert mail.text == "Se videresendt e-post."
        assert len(mail.attachments) == 1
        name, kind, data = mail.attachments[0]
        assert kind == "message/rfc822"
        assert b"Det br" in data

    def test_auto_reply_is_automatic(self):
        assert parse_message(messages.auto_reply()).automatic is True
        assert parse_message(messages.alternative_html()).automatic is False


class TestReplies:
    def test_quoted_text_removed(self):
        mail = parse_message(messages.reply("2026-000123"))
        assert strip_quoted(mail.text) == "Takk, men bilen står fortsatt der."

    @pytest.mark.parametrize(
        "text,expected",
        [
            ("Ny info\n> gammel", "Ny info"),
            ("Ny info\n-----Original Message-----\nFrom: x", "Ny info"),
            ("Ny info\nOn Mon, 2 Mar 2026, X <x@y.no> wrote:\n> a", "Ny info"),
            ("> bare sitat", "> bare sitat"),
        ],
    )
    def test_strip_quoted(self, text, expected):
        assert strip_quoted(text) == expected
