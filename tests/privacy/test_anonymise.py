"""Anonymising removes personal data and keeps the anonymous business record."""

from collective.servicedesk.history import entries
from collective.servicedesk.notifications import queue as mailqueue
from collective.servicedesk.privacy.anonymise import anonymise
from collective.servicedesk.privacy.data import anonymised_info
from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.replies.storage import list_replies
from plone import api
from tests.replies.helpers import make_inquiry
import pytest

KEPT = (
    "reference_number",
    "channel",
    "category",
    "service_level",
    "archive_worthy",
    "anonymous",
    "object_type",
    "object_value",
)


def brain_of(obj):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
    return brain, catalog.getIndexDataForRID(brain.getRID())


@pytest.fixture
def inquiry(desk):
    obj = make_inquiry(
        desk,
        description="Garasje på 40 m².",
        personal_notes="Søker har nedsatt funksjonsevne.",
        object_type="property",
        object_value="12/345",
    )
    obj.answer = "Du trenger søknad."
    obj.reindexObject()
    return obj


class TestAnonymise:
    def test_personal_fields_removed_business_kept(self, inquiry):
        before = {name: getattr(inquiry, name, None) for name in KEPT}
        created, modified = inquiry.created(), inquiry.modified()
        state = api.content.get_state(inquiry)
        result = anonymise(inquiry, reason="test")
        for name in (
            "requester_name",
            "requester_email",
            "requester_phone",
            "requester_organisation",
        ):
            assert not getattr(inquiry, name)
        assert inquiry.personal_notes == ""
        assert {name: getattr(inquiry, name, None) for name in KEPT} == before
        assert inquiry.title == "Building permit for a garage"  # not marked personal
        assert inquiry.description == "Garasje på 40 m²."
        assert (inquiry.created(), inquiry.modified()) == (created, modified)
        assert api.content.get_state(inquiry) == state
        assert set(result["removed"]) >= {"requester_name", "personal_notes"}
        assert anonymised_info(inquiry)["reason"] == "test"
        assert entries(inquiry)[-1]["action"] == "anonymised"

    def test_indexes_updated(self, inquiry):
        catalog = api.portal.get_tool("portal_catalog")
        query = {"UID": inquiry.UID()}
        assert catalog.unrestrictedSearchResults(has_personal_data=True, **query)
        assert brain_of(inquiry)[1]["contact_hashes"]
        anonymise(inquiry, reason="test")
        assert catalog.unrestrictedSearchResults(has_personal_data=False, **query)
        assert not catalog.unrestrictedSearchResults(has_personal_data=True, **query)
        assert not brain_of(inquiry)[1].get("contact_hashes")

    def test_free_text_marked_personal_is_removed(self, inquiry):
        inquiry.free_text_personal = True
        inquiry.title = "Åse Nordmann vil bygge garasje"
        inquiry.reindexObject()
        catalog = api.portal.get_tool("portal_catalog")
        assert catalog.unrestrictedSearchResults(SearchableText="Nordmann")
        anonymise(inquiry, reason="test")
        assert inquiry.title == ""
        assert inquiry.Title() == inquiry.reference_number
        assert inquiry.description == "[removed]"
        assert inquiry.answer == "[removed]"
        assert inquiry.free_text_personal is False
        assert not catalog.unrestrictedSearchResults(SearchableText="Nordmann")

    def test_replies_scrubbed_channel_and_date_kept(self, inquiry):
        email = send_reply(inquiry, "email", "Hei Åse", recipient="ase@example.org")
        letter = send_reply(
            inquiry,
            "letter",
            "Hei Åse",
            recipient_name="Åse",
            recipient_address="Gate 1",
        )
        # The e-mail went out: its queue item is finished and gets scrubbed too.
        now = mailqueue.utcnow()
        mailqueue.claim(email["delivery_key"], now)
        mailqueue.mark_sent(email["delivery_key"], now)
        anonymise(inquiry, reason="test")
        replies = {reply["id"]: reply for reply in list_replies(inquiry)}
        for original in (email, letter):
            reply = replies[original["id"]]
            assert reply["channel"] == original["channel"]
            assert reply["date"] == original["date"]
            assert reply["recipient"] == reply["recipient_name"] == ""
            assert reply["recipient_address"] == ""
            assert reply["text"] == "[removed]"
            assert reply["file"] is None
            assert reply["anonymised"] is True
        item = mailqueue.get_item(email["delivery_key"])
        assert item["to"] == []
        assert "Åse" not in item["body"]
        assert item["status"] == "sent"

    def test_pending_mail_is_left_alone(self, inquiry):
        email = send_reply(inquiry, "email", "Hei Åse", recipient="ase@example.org")
        anonymise(inquiry, reason="test")
        assert mailqueue.get_item(email["delivery_key"])["to"] == ["ase@example.org"]
