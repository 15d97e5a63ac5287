"""@mentions in internal notes reach the person's message box (if they may see it)."""

from collective.servicedesk.content.assignment import assign
from collective.servicedesk.messages import box
from collective.servicedesk.timeline.mentions import mentioned
from collective.servicedesk.timeline.mentions import notify_mentions
from plone import api


def test_mention_reaches_message_box(inquiry):
    assign(inquiry, handler="handler", unit="servicedesk-building", reason="x")
    with api.env.adopt_user(username="agent"):
        users = notify_mentions(inquiry, "@handler kan du ringe Åse? (kopi a@b.no)")
    assert users == ["handler"]
    entries = box.entries("handler")
    assert entries and "kan du ringe" in entries[0]["text"]


def test_only_people_who_may_see_it(inquiry):
    api.user.create(email="o@example.org", username="outsider", password="pw-1234567")
    assert mentioned(inquiry, "@outsider @nobody-here") == []


def test_email_addresses_are_not_mentions(inquiry):
    assert mentioned(inquiry, "skriv til agent@example.org") == []


def test_mentioned_people_follow_replies_and_states(inquiry):
    from collective.servicedesk.replies.api import send_reply
    from collective.servicedesk.timeline.followers import followers

    assign(inquiry, handler="handler", unit="servicedesk-building", reason="x")
    with api.env.adopt_user(username="agent"):
        notify_mentions(inquiry, "@handler2 følg med")
    assert followers(inquiry) == ("handler2",)
    before = len(box.entries("handler2"))
    with api.env.adopt_user(username="agent"):
        send_reply(inquiry, "letter", "Svar", recipient_name="Åse")
    after = box.entries("handler2")
    assert len(after) == before + 1
    assert "Replied by letter" in after[0]["text"]
