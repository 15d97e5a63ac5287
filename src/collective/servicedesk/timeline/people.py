"""Whom an inquiry can go to: people with availability (absent last), units by title."""

from collective.servicedesk.directory.availability import get_status
from collective.servicedesk.directory.availability import status_titles
from collective.servicedesk.directory.names import unit_title
from collective.servicedesk.registration.vocabularies import handlers
from collective.servicedesk.registration.vocabularies import units

ORDER = {"available": 0, "busy": 1, "away": 2, "absent": 3}


def availability(user_id: str) -> dict:
    """{"status", "label", "note"} of a user; "available" when never set."""
    record = get_status(user_id) or {"status": "available", "note": ""}
    status = record.get("status") or "available"
    return {
        "status": status,
        "label": status_titles().get(status, status),
        "note": record.get("note") or "",
    }


def people_choices(inquiry, selected: str | None = None) -> list[dict]:
    """People with a service desk role, available first and absent people last."""
    rows = []
    for term in handlers(inquiry):
        info = availability(term.value)
        rows.append(
            {
                "value": term.value,
                "title": term.title,
                "status": info["status"],
                "status_label": info["label"],
                "note": info["note"],
                "absent": info["status"] == "absent",
                "selected": term.value == selected,
            }
        )
    rows.sort(key=lambda row: (ORDER.get(row["status"], 1), row["title"].lower()))
    return rows


def unit_choices(inquiry, selected: str | None = None) -> list[dict]:
    """Units (groups with a service desk role) by translated title."""
    rows = [
        {
            "value": term.value,
            "title": unit_title(term.value),
            "selected": term.value == selected,
        }
        for term in units(inquiry)
    ]
    rows.sort(key=lambda row: row["title"].lower())
    return rows
