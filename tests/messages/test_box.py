"""The message box API: deliver, read/unread, status, delete, search, unread count."""

from collective.servicedesk.messages import box
from collective.servicedesk.messages import send_message
from collective.servicedesk.messages import unread_count
from collective.servicedesk.notifications import notify
from collective.servicedesk.notifications import queue
from plone import api
from plone.app.testing import login
import pytest


@pytest.fixture
def people(portal):
    for user_id, fullname in (("kari", "Kari Nordmann"), ("per", "Per Byggmester")):
        api.user.create(
            username=user_id,
            email=f"{user_id}@demo.kommune.no",
            password="secret-password-123",
            properties={"fullname": fullname, "language": "nb"},
        )
    api.group.create(groupname="unit-building", title="Building")
    api.group.add_user(groupname="unit-building", username="per")
    api.group.add_user(groupname="unit-building", username="kari")
    return portal


class TestBox:
    def test_deliver_and_count(self, people):
        assert unread_count("kari") == 0
        first = box.deliver("kari", "Hello", "First text", sender_id="per")
        box.deliver("kari", "Again", "Second text")
        assert unread_count("kari") == 2
        entries = box.entries("kari")
        assert [e["subject"] for e in entries] == ["Again", "Hello"]
        assert entries[1]["sender_name"] == "Per Byggmester"
        assert entries[1]["status"] == "new"
        assert box.mark_read("kari", [first]) == 1
        assert box.mark_read("kari", [first]) == 0  # no change, no write
        assert unread_count("kari") == 1
        assert [e["subject"] for e in box.entries("kari", unread_only=True)] == [
            "Again"
        ]
        box.mark_read("kari", [first], read=False)
        assert unread_count("kari") == 2

    def test_delete_keeps_the_counter_right(self, people):
        first = box.deliver("kari", "One", "x")
        second = box.deliver("kari", "Two", "y")
        box.mark_read("kari", [second])
        assert box.delete("kari", [first, second, "nope"]) == 2
        assert unread_count("kari") == 0
        assert box.entries("kari") == []

    def test_status(self, people):
        entry = box.deliver("kari", "Task", "Please check")
        box.set_status("kari", entry, "in_progress")
        assert box.get_entry("kari", entry)["status"] == "in_progress"
        assert [e["id"] for e in box.entries("kari", status="done")] == []
        with pytest.raises(ValueError):
            box.set_status("kari", entry, "bogus")

    @pytest.mark.parametrize(
        "text,expected",
        [
            ("", ["Street light", "Heating"]),
            ("light", ["Street light"]),
            ("STREET", ["Street light"]),
            ("radiator cold", ["Heating"]),
            ("per", ["Street light"]),  # the sender's name
            ("nothing", []),
        ],
    )
    def test_free_text_search(self, people, text, expected):
        box.deliver("kari", "Heating", "The radiator is cold")
        box.deliver("kari", "Street light", "Broken since Monday", sender_id="per")
        found = [e["subject"] for e in box.entries("kari", text=text)]
        assert sorted(found) == sorted(expected)

    def test_reading_creates_nothing(self, people):
        from zope.annotation.interfaces import IAnnotations

        assert box.entries("nobody") == []
        assert unread_count("nobody") == 0
        assert "collective.servicedesk.messagebox" not in IAnnotations(people)

    def test_same_entry_id_is_delivered_once(self, people):
        box.deliver("kari", "A", "x", entry_id="k1")
        box.deliver("kari", "A", "x", entry_id="k1")
        assert unread_count("kari") == 1


class TestNoticesInTheBox:
    def test_notice_lands_in_the_box(self, people):
        (key,) = notify(
            ["kari"],
            "reminder",
            reference="2026-000001",
            title="Light",
            url="http://x/y",
        )
        (entry,) = box.entries("kari")
        assert entry["id"] == key
        assert entry["kind"] == "reminder"
        assert entry["url"] == "http://x/y"
        assert "2026-000001" in entry["subject"]

    def test_digest_stays_out_of_the_box(self, people):
        notify(["kari"], "digest", count="0", items=[], date="01.01.2026")
        assert box.entries("kari") == []


class TestSendMessage:
    def test_to_a_group_reaches_each_member_except_the_sender(self, people):
        login(people, "kari")
        sent = send_message(["unit-building"], "Meeting", "At 10 in room 2")
        assert sent == ["per"]
        (entry,) = box.entries("per")
        assert entry["subject"] == "Meeting"
        assert entry["text"] == "At 10 in room 2"
        assert entry["sender_id"] == "kari"
        assert box.entries("kari") == []
        # An e-mail notice is queued too, in the recipient's language.
        (item,) = [i for i in queue.list_items() if i["recipient_id"] == "per"]
        assert item["kind"] == "message"
        assert item["subject"] == "Melding fra Kari Nordmann: Meeting"
        assert "At 10 in room 2" in item["body"]
        assert item["sender_id"] == "kari"

    def test_to_a_person(self, people):
        login(people, "per")
        assert send_message("kari", "Hi", "Text") == ["kari"]
        assert unread_count("kari") == 1
