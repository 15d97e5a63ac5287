"""Fixtures of the queue tests: a desk with inquiries of two units, one confidential."""

from collective.servicedesk.content.assignment import assign
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import login
from plone.dexterity.utils import createContentInContainer
from tests.registration.helpers import make_desk
import pytest

# key: (title, channel, category, unit, handler, state, hours overdue, confidential)
SPEC = {
    "garage": (
        "Garasje",
        "phone",
        "building-permits",
        "servicedesk-building",
        "handler",
        "assigned",
        None,
        False,
    ),
    "permit": (
        "Dispensasjon",
        "letter",
        "building-permits",
        "servicedesk-building",
        None,
        "forwarded",
        5,
        False,
    ),
    "leak": (
        "Vannlekkasje",
        "phone",
        "water-sewage",
        "servicedesk-technical",
        "handler3",
        "in_progress",
        2,
        False,
    ),
    "secret": (
        "Sosialhjelp",
        "visit",
        "social-assistance",
        "servicedesk-health",
        "handler2",
        "assigned",
        None,
        True,
    ),
    "done": ("Åpningstider", "web", "other", None, None, "closed", None, False),
    "answered": (
        "Bostøtte",
        "email",
        "housing-allowance",
        "servicedesk-health",
        "handler2",
        "answered",
        None,
        False,
    ),
}
PATHS = {
    "assigned": ("assign",),
    "forwarded": ("assign", "forward"),
    "in_progress": ("assign", "start"),
    "answered": ("assign", "answer"),
    "closed": ("close",),
}


def fill_desk(desk) -> dict:
    """Create the SPEC inquiries as the agent (Manager rights for the transitions)."""
    now = datetime.now(UTC)
    created = {}
    with api.env.adopt_user(username="agent"), api.env.adopt_roles(["Manager"]):
        for key, (
            title,
            channel,
            category,
            unit,
            handler,
            state,
            overdue,
            secret,
        ) in SPEC.items():
            inquiry = createContentInContainer(
                desk,
                "Inquiry",
                title=title,
                channel=channel,
                category=category,
                confidential=secret,
            )
            if unit or handler:
                assign(inquiry, handler=handler, unit=unit)
            if state in ("answered", "closed"):
                inquiry.answer = "Svar"
            inquiry.due_date = now + (
                -timedelta(hours=overdue) if overdue else timedelta(days=5)
            )
            for transition in PATHS[state]:
                api.content.transition(obj=inquiry, transition=transition)
            inquiry.reindexObject()
            created[key] = inquiry
    return created


@pytest.fixture
def filled(portal):
    desk = make_desk(portal)
    items = fill_desk(desk)
    # Not the registering agent: the owner may read its confidential inquiry.
    login(portal, "agent2")
    return desk, items
