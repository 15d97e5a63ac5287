"""Follow-ups by e-mail and SMS: only the known sender adds to an inquiry."""

from collective.servicedesk.history import entries
from collective.servicedesk.intake import held
from collective.servicedesk.intake.attachments import list_attachments
from collective.servicedesk.intake.inquiries import FOLLOWUP_ACTION
from collective.servicedesk.intake.mail import intake_mail
from collective.servicedesk.intake.review import attach_held
from collective.servicedesk.intake.review import discard_held
from collective.servicedesk.intake.sms import intake_sms
from plone import api
from tests.intake import messages
from tests.services.helpers import make_inquiry
import pytest


def followups(inquiry) -> list[dict]:
    return [e for e in entries(inquiry) if e["action"] == FOLLOWUP_ACTION]


class TestEmail:
    @pytest.mark.parametrize("sender", ["ase@example.no", "Ase@Example.NO"])
    def test_known_sender_is_added(self, portal, desk, sender):
        inquiry = make_inquiry(desk, requester_email="ase@example.no")
        result = intake_mail(messages.reply(inquiry.reference_number, sender=sender))
        assert result.outcome == "followup"
        assert followups(inquiry)[-1]["changes"]["known_sender"] is True
        assert held.held_items(inquiry) == []

    def test_unknown_sender_is_held_not_added(self, portal, desk):
        inquiry = make_inquiry(desk, requester_email="ase@example.no")
        raw = messages.reply(inquiry.reference_number, sender="other@example.no")
        result = intake_mail(raw)
        assert (result.outcome, result.reason) == ("held", "unknown_sender")
        assert result.inquiry.UID() == inquiry.UID()
        assert followups(inquiry) == []
        assert list_attachments(inquiry) == []
        [item] = held.held_items(inquiry)
        assert item["sender"] == "other@example.no"
        assert item["text"] == "Takk, men bilen står fortsatt der."
        assert [f["filename"] for f in item["attachments"]] == ["bilde.pdf"]
        assert held.held_counts() == {inquiry.UID(): 1}

    def test_inquiry_without_address_holds_everything(self, portal, desk):
        inquiry = make_inquiry(desk)
        assert intake_mail(messages.reply(inquiry.reference_number)).outcome == "held"

    def test_confidential_never_takes_unknown_senders(self, portal, desk):
        secret = make_inquiry(desk, confidential=True, requester_email="ase@example.no")
        before = set(desk.objectIds())
        raw = messages.reply(secret.reference_number, sender="other@example.no")
        result = intake_mail(raw)
        # As if the reference did not exist: a new inquiry, nothing on the old.
        assert result.outcome == "created"
        assert result.inquiry.UID() != secret.UID()
        assert set(desk.objectIds()) - before == {result.inquiry.getId()}
        assert followups(secret) == [] and held.held_items(secret) == []
        assert list_attachments(secret) == []
        assert held.held_counts() == {}
        assert [f["filename"] for f in list_attachments(result.inquiry)] == [
            "bilde.pdf"
        ]

    def test_confidential_takes_its_requester(self, portal, desk):
        secret = make_inquiry(desk, confidential=True, requester_email="ase@example.no")
        result = intake_mail(messages.reply(secret.reference_number))
        assert result.outcome == "followup"
        assert len(followups(secret)) == 1


class TestSMS:
    def test_known_number_in_another_format(self, portal, desk):
        inquiry = make_inquiry(desk, requester_phone="+47 912 34 567")
        result = intake_sms("91234567", f"{inquiry.reference_number} verre nå")
        assert result.outcome == "followup"

    def test_unknown_number_is_held(self, portal, desk):
        inquiry = make_inquiry(desk, requester_phone="91234567")
        result = intake_sms("+4798765432", f"{inquiry.reference_number} hei")
        assert result.outcome == "held"
        assert followups(inquiry) == []
        assert held.held_items(inquiry)[0]["sender"] == "+4798765432"

    def test_confidential_unknown_number_is_a_new_inquiry(self, portal, desk):
        secret = make_inquiry(desk, confidential=True, requester_phone="91234567")
        result = intake_sms("98765432", f"{secret.reference_number} hei")
        assert result.outcome == "created"
        assert held.held_items(secret) == [] and followups(secret) == []


class TestReview:
    def held_inquiry(self, desk):
        inquiry = make_inquiry(desk, requester_email="ase@example.no")
        intake_mail(messages.reply(inquiry.reference_number, sender="x@example.no"))
        [item] = held.held_items(inquiry)
        return inquiry, item["id"]

    def test_attach(self, portal, desk):
        inquiry, held_id = self.held_inquiry(desk)
        assert attach_held(inquiry, held_id) is True
        [entry] = followups(inquiry)
        assert entry["comment"] == "Takk, men bilen står fortsatt der."
        assert entry["changes"]["known_sender"] is False
        assert entry["changes"]["sender"] == "x@example.no"
        assert entry["changes"]["reviewed_by"] == api.user.get_current().getId()
        assert [f["filename"] for f in list_attachments(inquiry)] == ["bilde.pdf"]
        assert list_attachments(inquiry)[0]["file"].data == messages.PDF
        assert held.held_items(inquiry) == []
        assert held.held_counts() == {}
        assert attach_held(inquiry, held_id) is False  # only once

    def test_discard(self, portal, desk):
        inquiry, held_id = self.held_inquiry(desk)
        assert discard_held(inquiry, held_id) is True
        assert held.held_items(inquiry) == [] and followups(inquiry) == []
        assert list_attachments(inquiry) == []
        assert held.held_counts() == {}

    def test_deleted_inquiry_leaves_no_index_entry(self, portal, desk):
        inquiry, _held_id = self.held_inquiry(desk)
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(inquiry)
        assert held.held_counts() == {}


class TestPrivacy:
    def test_anonymising_drops_held_mail(self, portal, desk):
        from collective.servicedesk.privacy.anonymise import anonymise

        inquiry = make_inquiry(desk, requester_email="ase@example.no")
        intake_mail(messages.reply(inquiry.reference_number, sender="x@example.no"))
        assert held.held_items(inquiry)
        with api.env.adopt_roles(["Manager"]):
            result = anonymise(inquiry, "test")
        assert "held_mail" in result["removed"]
        assert held.held_items(inquiry) == []
        assert held.held_counts() == {}
