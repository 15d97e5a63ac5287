"""SMS intake: new inquiries and follow-ups by reference number."""

from collective.servicedesk.history import entries
from collective.servicedesk.intake.inquiries import FOLLOWUP_ACTION
from collective.servicedesk.intake.sms import intake_sms
from collective.servicedesk.intake.sms import secret_matches
from tests.services.helpers import make_inquiry
import pytest


class TestSMSIntake:
    def test_new_inquiry(self, portal, desk):
        result = intake_sms("+47 912 34 567", "Vannet er brunt i Storgata 3")
        inquiry = result.inquiry
        assert result.outcome == "created"
        assert inquiry.channel == "sms"
        assert inquiry.requester_phone == "+47 912 34 567"
        assert inquiry.reply_channel == "sms"
        assert inquiry.title == "Vannet er brunt i Storgata 3"

    def test_followup_by_reference(self, portal, desk):
        inquiry = make_inquiry(desk, requester_phone="91234567")
        result = intake_sms("91234567", f"{inquiry.reference_number} Det er verre nå")
        assert result.outcome == "followup"
        entry = [e for e in entries(inquiry) if e["action"] == FOLLOWUP_ACTION][-1]
        assert entry["changes"]["channel"] == "sms"
        assert entry["changes"]["known_sender"] is True

    def test_no_sender_is_anonymous(self, portal, desk):
        inquiry = intake_sms("", "Hei").inquiry
        assert inquiry.anonymous is True
        assert not getattr(inquiry, "requester_phone", None)


class TestSecret:
    @pytest.mark.parametrize(
        "configured,given,expected",
        [
            ("s3cret-value", "s3cret-value", True),
            ("s3cret-value", "s3cret-valuf", False),
            ("s3cret-value", "", False),
            ("", "", False),
            ("", "anything", False),
        ],
    )
    def test_secret(self, portal, monkeypatch, configured, given, expected):
        # The secret comes from the environment only.
        monkeypatch.setenv("SERVICEDESK_SMS_SECRET", configured)
        assert secret_matches(given) is expected
