"""People to forward to: availability beside each name, absent people last."""

from collective.servicedesk.directory.availability import set_status
from collective.servicedesk.directory.names import search_people
from collective.servicedesk.timeline.people import people_choices


def test_absent_last_and_marked(inquiry):
    set_status("handler", "absent", "Ferie")
    rows = people_choices(inquiry)
    assert rows[-1]["value"] == "handler"
    assert rows[-1]["absent"] is True
    assert all(not row["absent"] for row in rows[:-1])
    assert {row["status"] for row in rows[:-1]} == {"available"}


def test_search_people_by_name(inquiry):
    assert [p["id"] for p in search_people("Byggmester")] == ["handler"]
    assert search_people("B") == []
