"""Catalog queries of open inquiries for the tick steps (brains, never objects)."""

from DateTime import DateTime
from datetime import datetime
from plone import api

OPEN_STATES = ("registered", "assigned", "in_progress", "forwarded")


def open_inquiries(**query) -> list:
    """Return brains of open inquiries matching the extra catalog query."""
    return list(
        api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="Inquiry", review_state=OPEN_STATES, **query
        )
    )


def due_between(start: datetime | None, end: datetime | None) -> list:
    """Return open inquiries with a due date in [start, end] (open ends allowed)."""
    if start and end:
        query = {"query": [DateTime(start), DateTime(end)], "range": "min:max"}
    elif start:
        query = {"query": DateTime(start), "range": "min"}
    else:
        query = {"query": DateTime(end), "range": "max"}
    return open_inquiries(due_date=query)


def due_stamp(brain: object) -> str:
    """Return a stable text of the brain's due date for idempotency keys."""
    due = brain.due_date
    if hasattr(due, "timeTime"):  # Zope DateTime
        return str(int(due.timeTime()))
    if hasattr(due, "timestamp"):
        return str(int(due.timestamp()))
    return str(due)
