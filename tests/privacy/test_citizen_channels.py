"""Anonymising also removes what came through the citizen channels."""

from collective.servicedesk.citizen import codes
from collective.servicedesk.history import entries
from collective.servicedesk.intake.attachments import list_attachments
from collective.servicedesk.intake.inquiries import add_followup
from collective.servicedesk.privacy.anonymise import anonymise
from tests.replies.helpers import make_inquiry


def test_attachments_citizen_text_and_code_removed(desk):
    inquiry = make_inquiry(desk)
    add_followup(
        inquiry,
        "email",
        "Mitt fødselsnummer er 01017012345, ring meg på 98765432.",
        sender="kari@example.org",
        attachments=[("soknad.pdf", "application/pdf", b"%PDF-1.4 personal")],
    )
    code = codes.issue(inquiry)
    assert codes.resolve(code) == inquiry.UID()
    assert list_attachments(inquiry)

    result = anonymise(inquiry, reason="test")

    assert {"attachments", "citizen_information", "followup_code"} <= set(
        result["removed"]
    )
    assert list_attachments(inquiry) == []
    assert codes.resolve(code) is None
    citizen = [e for e in entries(inquiry) if e["action"] == "citizen_information"]
    assert citizen
    for entry in citizen:
        assert "98765432" not in entry["comment"]
        assert "sender" not in entry["changes"]
        assert "attachments" not in entry["changes"]
    # The history itself stays: the entry is there, only its personal text is gone.
    assert [e["action"] for e in entries(inquiry)].count("citizen_information") == 1


def test_without_citizen_data_nothing_extra_reported(desk):
    inquiry = make_inquiry(desk)
    result = anonymise(inquiry, reason="test")
    assert not {"attachments", "citizen_information", "followup_code"} & set(
        result["removed"]
    )
