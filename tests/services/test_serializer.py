"""GET of an inquiry: standard fields plus due state, history, replies, files."""

from collective.servicedesk.intake.attachments import add_attachments
from collective.servicedesk.messages.notes import add_note
from collective.servicedesk.replies.storage import add_reply
from tests.services.helpers import make_inquiry
import pytest
import transaction


@pytest.fixture
def inquiry(public_desk, users):
    obj = make_inquiry(public_desk, channel="email", responsible_handler="agent-x")
    add_reply(
        obj,
        {"channel": "email", "subject": "Svar", "text": "Hei", "recipient": "a@b.no"},
    )
    add_attachments(obj, [("kart.pdf", "application/pdf", b"%PDF-1.4")], source="email")
    transaction.commit()
    return obj


def test_manager_sees_everything(manager_request, inquiry):
    data = manager_request.get(f"/service-desk/{inquiry.getId()}").json()
    assert data["channel"] == {"token": "email", "title": "E-mail"}
    assert data["due_state"] in ("ok", "due_soon", "overdue", "none")
    assert data["history"][0]["action"] == "created"
    assert [reply["text"] for reply in data["replies"]] == ["Hei"]
    [attachment] = data["attachments"]
    assert attachment["filename"] == "kart.pdf"
    assert attachment["download"].endswith(f"/@@inquiry-attachment/{attachment['id']}")
    assert data["followup_code"] == {"active": False, "expires": None}
    assert "internal_notes" in data


def test_download_for_staff(manager_request, inquiry, request_factory):
    data = manager_request.get(f"/service-desk/{inquiry.getId()}").json()
    session = request_factory(api=False, role="Manager")
    response = session.get(data["attachments"][0]["download"])
    assert response.status_code == 200
    assert response.content == b"%PDF-1.4"
    assert response.headers["Content-Disposition"].startswith("attachment;")


def test_notes_only_with_permission(request_factory, inquiry):
    from plone import api

    with api.env.adopt_roles(["Manager"]):
        add_note(inquiry, "Intern merknad")
        api.user.create(
            email="r@example.no", username="reader-x", password="secret-pass-123"
        )
        api.user.grant_roles(username="reader-x", obj=inquiry, roles=["Reader"])
    transaction.commit()
    reader = request_factory(basic_auth=("reader-x", "secret-pass-123"))
    data = reader.get(f"/service-desk/{inquiry.getId()}").json()
    assert "internal_notes" not in data
    assert "followup_code" not in data
    assert "Intern merknad" not in str(data)
