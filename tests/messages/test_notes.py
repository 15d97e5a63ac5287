"""Internal notes: stored on the inquiry, in the history, never in public data."""

from collective.servicedesk.history import entries as history
from collective.servicedesk.messages import add_note
from collective.servicedesk.messages import notes
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest


@pytest.fixture
def inquiry(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    desk = api.content.create(container=portal, type="ServiceDesk", id="service-desk")
    return api.content.create(
        container=desk, type="Inquiry", title="Noise", description="Loud neighbours"
    )


class TestNotes:
    def test_added_in_order_with_author(self, inquiry):
        add_note(inquiry, "Called the caretaker.")
        add_note(inquiry, "  Caretaker will visit on Friday.  ")
        found = notes(inquiry)
        assert [n["text"] for n in found] == [
            "Called the caretaker.",
            "Caretaker will visit on Friday.",
        ]
        assert found[0]["author"] == TEST_USER_ID

    def test_history_entry_without_the_text(self, inquiry):
        add_note(inquiry, "Secret detail")
        entry = history(inquiry)[-1]
        assert entry["action"] == "internal_note_added"
        assert "Secret detail" not in repr(entry)

    def test_empty_note_refused(self, inquiry):
        with pytest.raises(ValueError):
            add_note(inquiry, "   ")

    def test_not_searchable(self, inquiry):
        add_note(inquiry, "Zebracrossing")
        inquiry.reindexObject()
        assert len(api.content.find(SearchableText="Zebracrossing")) == 0
        assert len(api.content.find(SearchableText="Noise")) == 1
