"""Retention: exactly the due inquiries are anonymised; statistics stay the same."""

from collections import Counter
from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.privacy.retention import RetentionStep
from collective.servicedesk.privacy.retention import candidates
from collective.servicedesk.privacy.retention import run
from DateTime import DateTime
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from tests.replies.helpers import WORKFLOW
from tests.replies.helpers import close
from tests.replies.helpers import file
from tests.replies.helpers import make_inquiry
from zope.interface import alsoProvides
import pytest


def age(obj, days: int) -> None:
    """Pretend the inquiry was closed ``days`` ago."""
    history = obj.workflow_history[WORKFLOW]
    last = dict(history[-1], time=DateTime() - days)
    obj.workflow_history[WORKFLOW] = history[:-1] + (last,)
    obj.reindexObject(idxs=["closed_date"])


@pytest.fixture
def inquiries(desk):
    """One inquiry per retention case, keyed by what should happen to it."""
    made = {
        "old_closed": make_inquiry(desk, channel="phone", category="building"),
        "recent_closed": make_inquiry(desk, channel="email", category="building"),
        "old_archive_worthy": make_inquiry(desk, channel="visit", category="health"),
        "filed": make_inquiry(desk, channel="letter", category="health"),
        "old_open": make_inquiry(desk, channel="phone", category="health"),
        "old_anonymous": make_inquiry(
            desk,
            channel="phone",
            category="building",
            anonymous=True,
            requester_name=None,
            requester_email=None,
            requester_phone=None,
            requester_organisation=None,
        ),
    }
    for name in ("old_closed", "recent_closed", "old_anonymous"):
        close(made[name])
    close(made["old_archive_worthy"])
    made["old_archive_worthy"].archive_worthy = True
    made["old_archive_worthy"].reindexObject(idxs=["archive_worthy"])
    close(made["filed"])
    file(made["filed"])
    for name in ("old_closed", "old_archive_worthy", "old_anonymous"):
        age(made[name], 400)
    age(made["recent_closed"], 10)
    return made


def statistics() -> dict:
    """Counts by category, channel and state, from catalog brains."""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Inquiry"
    )
    return {
        "category": Counter(b.inquiry_category for b in brains),
        "channel": Counter(b.inquiry_channel for b in brains),
        "state": Counter(b.review_state for b in brains),
        "total": len(brains),
    }


def due_references(now=None) -> set[str]:
    return {b.reference_number for b, _r in candidates(now or datetime.now(UTC))}


def refs(made, *names) -> set[str]:
    return {made[name].reference_number for name in names}


class TestCandidates:
    def test_exactly_the_due_ones(self, inquiries):
        assert due_references() == refs(inquiries, "old_closed", "filed")

    def test_period_counts_from_closing(self, inquiries):
        later = datetime.now(UTC) + timedelta(days=360)
        assert due_references(later) == refs(
            inquiries, "old_closed", "recent_closed", "filed"
        )

    def test_reopened_is_not_due(self, inquiries):
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(inquiries["old_closed"], transition="reopen")
        assert due_references() == refs(inquiries, "filed")

    def test_shorter_period(self, inquiries):
        api.portal.set_registry_record("collective.servicedesk.retention_days", 5)
        assert due_references() == refs(
            inquiries, "old_closed", "recent_closed", "filed"
        )


class TestRun:
    def test_anonymises_exactly_what_it_should(self, inquiries):
        done = run(datetime.now(UTC))
        assert {item["reference"] for item in done} == refs(
            inquiries, "old_closed", "filed"
        )
        for name, obj in inquiries.items():
            removed = name in ("old_closed", "filed")
            assert (obj.requester_email is None) is (removed or name == "old_anonymous")
        assert due_references() == set()
        assert run(datetime.now(UTC)) == []  # idempotent

    def test_statistics_unchanged(self, inquiries):
        before = statistics()
        assert before["total"] == 6
        run(datetime.now(UTC))
        assert statistics() == before


class TestTickStep:
    def test_off_by_default(self, inquiries):
        result = RetentionStep()(api.portal.get(), datetime.now(UTC))
        assert result == {"enabled": False, "anonymised": 0}
        assert inquiries["old_closed"].requester_email == "ase@example.org"

    def test_on(self, inquiries):
        api.portal.set_registry_record("collective.servicedesk.retention_enabled", True)
        result = RetentionStep()(api.portal.get(), datetime.now(UTC))
        assert result == {"enabled": True, "anonymised": 2}
        assert inquiries["old_closed"].requester_email is None


class TestDryRunReport:
    def test_lists_without_changing(self, inquiries):
        portal = api.portal.get()
        request = portal.REQUEST
        alsoProvides(request, IServiceDeskLayer)
        html = api.content.get_view("servicedesk-retention", portal, request)()
        for name, obj in inquiries.items():
            assert (obj.reference_number in html) is (name in ("old_closed", "filed"))
        assert "dry run" in html
        assert inquiries["old_closed"].requester_email == "ase@example.org"
        assert due_references() == refs(inquiries, "old_closed", "filed")
