"""@@track: the citizen sees state and public replies only, and can add to it."""

from collective.servicedesk.citizen import codes
from collective.servicedesk.citizen import spam
from collective.servicedesk.history import entries
from collective.servicedesk.history import record
from collective.servicedesk.intake.inquiries import FOLLOWUP_ACTION
from collective.servicedesk.replies.storage import add_reply
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from tests.services.helpers import make_inquiry
from tests.services.helpers import old_token
import pytest
import transaction


@pytest.fixture
def handler(functional_portal):
    user = api.user.create(
        email="hanne@example.no",
        username="hanne",
        password="secret-pass-123",
        properties={"fullname": "Hanne Handler"},
    )
    transaction.commit()
    return user


@pytest.fixture
def tracked(public_desk, handler):
    """An inquiry with a public reply, an internal note and a code."""
    inquiry = make_inquiry(
        public_desk,
        description="INTERNAL DESCRIPTION",
        answer="INTERNAL ANSWER FIELD",
        responsible_handler="hanne",
    )
    add_reply(
        inquiry,
        {
            "channel": "email",
            "subject": "Svar",
            "text": "Vi brøyter i morgen.",
            "sender_name": "Hanne Handler",
            "recipient": "ase@example.no",
        },
    )
    record(inquiry, "note", comment="INTERNAL NOTE about the neighbour")
    code = codes.issue(inquiry)
    transaction.commit()
    return inquiry, code


class TestTrackPage:
    def test_code_form(self, site, public_desk):
        response = site.get("/@@track")
        assert response.status_code == 200
        assert 'name="code"' in response.text

    def test_shows_state_and_public_replies_only(self, site, tracked):
        inquiry, code = tracked
        response = site.post("/@@track", data={"code": code})
        assert response.status_code == 200
        html = response.text
        assert inquiry.reference_number in html
        assert "Vi brøyter i morgen." in html
        for secret in (
            "INTERNAL NOTE",
            "INTERNAL ANSWER",
            "INTERNAL DESCRIPTION",
            "Hanne Handler",
            "ase@example.no",
        ):
            assert secret not in html
        assert response.headers["Referrer-Policy"] == "no-referrer"

    def test_handler_name_when_allowed(self, site, tracked):
        _inquiry, code = tracked
        api.portal.set_registry_record(
            "collective.servicedesk.citizen_show_handler", True
        )
        transaction.commit()
        html = site.post("/@@track", data={"code": code}).text
        assert "Hanne Handler" in html

    def test_code_in_url_is_ignored(self, site, tracked):
        """A code in the address shows only the empty code form (issue 12)."""
        inquiry, code = tracked
        response = site.get("/@@track", params={"code": code})
        assert response.status_code == 200
        assert inquiry.reference_number not in response.text
        assert code not in response.text

    @pytest.mark.parametrize("kind", ["wrong", "expired", "revoked"])
    def test_bad_codes_are_404_alike(self, site, tracked, kind):
        inquiry, code = tracked
        if kind == "wrong":
            code = code[:-1] + ("A" if code[-1] != "A" else "B")
        elif kind == "expired":
            past = datetime.now(UTC) - timedelta(days=30)
            code = codes.issue(inquiry, days=1, now=past)
        else:
            codes.revoke(inquiry)
        transaction.commit()
        response = site.post("/@@track", data={"code": code})
        assert response.status_code == 404
        assert "We found no inquiry for this code" in response.text
        assert inquiry.reference_number not in response.text

    def test_lookups_are_rate_limited(self, site, public_desk):
        statuses = {
            site.post("/@@track", data={"code": f"guess-{i}"}).status_code
            for i in range(spam.LOOKUP_LIMIT + 2)
        }
        assert statuses == {404, 429}


class TestAddInformation:
    def add(self, site, code, text="Bilen står der fortsatt.", **extra):
        data = {
            "code": code,
            "information": text,
            spam.TOKEN_FIELD: old_token(),
            "form.buttons.add": "add",
            **extra,
        }
        return site.post("/@@track", data=data)

    def test_adds_history_entry(self, site, tracked):
        inquiry, code = tracked
        response = self.add(site, code)
        assert response.status_code == 200
        assert "Your information was added" in response.text
        assert "Bilen står der fortsatt." in response.text  # shown as "what you added"
        transaction.begin()
        entry = [e for e in entries(inquiry) if e["action"] == FOLLOWUP_ACTION][-1]
        assert entry["comment"] == "Bilen står der fortsatt."
        assert entry["changes"]["channel"] == "web"
        assert entry["who"] == "web-form"

    def test_notifies_the_handler(self, site, tracked):
        from collective.servicedesk.notifications import queue

        inquiry, code = tracked
        self.add(site, code)
        transaction.begin()
        items = [
            item
            for item in queue.list_items()
            if item["recipient_id"] == "hanne"
            and item["kind"] in ("message", FOLLOWUP_ACTION)
        ]
        assert len(items) == 1
        assert "Bilen står der fortsatt." in items[0]["body"]
        assert inquiry.reference_number in items[0]["subject"]

    def test_empty_text_is_refused(self, site, tracked):
        inquiry, code = tracked
        response = self.add(site, code, text=" ")
        assert response.status_code == 400
        assert "Please write what you want to add" in response.text

    def test_honeypot(self, site, tracked):
        inquiry, code = tracked
        response = self.add(site, code, website="http://spam")
        assert response.status_code == 400
        transaction.begin()
        assert not [e for e in entries(inquiry) if e["action"] == FOLLOWUP_ACTION]

    def test_wrong_code_cannot_add(self, site, tracked):
        inquiry, _code = tracked
        response = self.add(site, "not-the-code")
        assert response.status_code == 404
        transaction.begin()
        assert not [e for e in entries(inquiry) if e["action"] == FOLLOWUP_ACTION]
