"""E-mail intake: new inquiries and threaded follow-ups, with attachments."""

from Acquisition import aq_base
from collective.servicedesk.history import entries
from collective.servicedesk.intake.attachments import list_attachments
from collective.servicedesk.intake.inquiries import FOLLOWUP_ACTION
from collective.servicedesk.intake.mail import intake_mail
from plone import api
from tests.intake import messages
from tests.services.helpers import make_inquiry
import pytest


class TestNewInquiry:
    def test_creates_inquiry_from_email(self, portal, desk):
        result = intake_mail(messages.utf8_quoted_printable())
        inquiry = result.inquiry
        assert result.outcome == "created"
        assert aq_base(inquiry.aq_parent) is aq_base(desk)
        assert inquiry.channel == "email"
        assert inquiry.title == "Spørsmål om søppeltømming på Ørnevegen"
        assert "Når blir søppelet tømt" in inquiry.description
        assert inquiry.requester_email == "ase@example.no"
        assert inquiry.requester_name == "Åse Bråthen"
        assert inquiry.reply_channel == "email"
        assert not inquiry.anonymous
        assert inquiry.reference_number

    def test_attachments_stored_as_blobs(self, portal, desk):
        inquiry = intake_mail(messages.multipart_with_attachments()).inquiry
        files = list_attachments(inquiry)
        assert [(f["filename"], f["content_type"]) for f in files] == [
            ("Tegning_å.pdf", "application/pdf"),
            ("kart.png", "image/png"),
        ]
        assert files[0]["file"].data == messages.PDF
        assert files[0]["source"] == "email"

    @pytest.mark.parametrize(
        "raw",
        [messages.latin1_base64(), messages.windows1252_labelled_latin1()],
    )
    def test_other_charsets(self, portal, desk, raw):
        inquiry = intake_mail(raw).inquiry
        assert inquiry.channel == "email"
        assert "ø" in inquiry.title + inquiry.description or "€" in inquiry.description

    def test_auto_reply_ignored(self, portal, desk):
        before = len(desk.objectIds())
        result = intake_mail(messages.auto_reply())
        assert (result.outcome, result.reason) == ("ignored", "automatic")
        assert len(desk.objectIds()) == before

    def test_history_names_the_intake(self, portal, desk):
        inquiry = intake_mail(messages.alternative_html()).inquiry
        assert entries(inquiry)[0]["who"] == "mail-intake"

    def test_intake_user_keeps_no_local_role(self, portal, desk):
        inquiry = intake_mail(messages.alternative_html()).inquiry
        assert "mail-intake" not in dict(inquiry.get_local_roles())

    def test_anonymous_caller_gets_no_rights(self, portal, desk):
        """The intake runs as its own user and restores the caller afterwards."""
        from plone.app.testing import logout

        logout()
        inquiry = intake_mail(messages.alternative_html()).inquiry
        assert api.user.is_anonymous()
        assert not api.user.has_permission("View", obj=inquiry)


class TestFollowup:
    def test_reply_with_reference_becomes_followup(self, portal, desk):
        inquiry = make_inquiry(desk, requester_email="ase@example.no")
        before = len(desk.objectIds())
        result = intake_mail(messages.reply(inquiry.reference_number))
        assert result.outcome == "followup"
        assert result.inquiry.UID() == inquiry.UID()
        assert len(desk.objectIds()) == before
        entry = [e for e in entries(inquiry) if e["action"] == FOLLOWUP_ACTION][-1]
        assert entry["comment"] == "Takk, men bilen står fortsatt der."
        assert entry["changes"]["channel"] == "email"
        assert entry["changes"]["sender"] == "ase@example.no"
        assert entry["changes"]["known_sender"] is True
        assert entry["changes"]["attachments"] == ["bilde.pdf"]
        assert [f["filename"] for f in list_attachments(inquiry)] == ["bilde.pdf"]

    def test_unknown_reference_creates_new_inquiry(self, portal, desk):
        result = intake_mail(messages.reply("1999-999999", attach=False))
        assert result.outcome == "created"
        assert result.inquiry.reference_number != "1999-999999"
