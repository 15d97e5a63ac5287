"""The due date of a new inquiry comes from its category's promise; agents override."""

from collective.servicedesk.deadlines import compute_due_date
from collective.servicedesk.deadlines import override_due_date
from collective.servicedesk.deadlines.promise import deadline_info
from collective.servicedesk.history import entries
from datetime import datetime
from datetime import timedelta
from plone import api
from zoneinfo import ZoneInfo
import pytest

OSLO = ZoneInfo("Europe/Oslo")


def created(obj) -> datetime:
    return obj.created().asdatetime()


class TestPromise:
    def test_category_promise(self, desk):
        inquiry = api.content.create(
            container=desk, type="Inquiry", title="Light out", category="street-lights"
        )
        assert inquiry.due_date == compute_due_date(created(inquiry), 4)
        assert deadline_info(inquiry) == {
            "auto": True,
            "category": "street-lights",
            "hours": 4,
        }

    def test_default_promise_without_category(self, desk):
        api.portal.set_registry_record(
            "collective.servicedesk.default_service_promise", 10
        )
        inquiry = api.content.create(container=desk, type="Inquiry", title="Other")
        assert inquiry.due_date == compute_due_date(created(inquiry), 10)

    def test_unknown_category_falls_back_to_default(self, desk):
        inquiry = api.content.create(
            container=desk, type="Inquiry", title="Other", category="no-such"
        )
        assert inquiry.due_date == compute_due_date(created(inquiry), 48)

    def test_due_date_given_by_the_agent_is_kept(self, desk):
        due = datetime(2030, 1, 7, 12, 0, tzinfo=OSLO)
        inquiry = api.content.create(
            container=desk,
            type="Inquiry",
            title="Agreed date",
            category="street-lights",
            due_date=due,
        )
        assert inquiry.due_date == due
        assert deadline_info(inquiry)["auto"] is False

    def test_category_change_recomputes_a_computed_due_date(self, desk):
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        inquiry = api.content.create(container=desk, type="Inquiry", title="Light")
        inquiry.category = "street-lights"
        notify(ObjectModifiedEvent(inquiry))
        assert inquiry.due_date == compute_due_date(created(inquiry), 4)

    def test_due_date_is_indexed(self, desk):
        inquiry = api.content.create(
            container=desk, type="Inquiry", title="Light", category="street-lights"
        )
        due = inquiry.due_date
        found = api.content.find(
            UID=inquiry.UID(), due_date={"query": due, "range": "min"}
        )
        assert len(found) == 1
        later = api.content.find(
            UID=inquiry.UID(),
            due_date={"query": due + timedelta(minutes=1), "range": "min"},
        )
        assert len(later) == 0


class TestOverride:
    def test_override_records_reason(self, desk):
        inquiry = api.content.create(
            container=desk, type="Inquiry", title="Light", category="street-lights"
        )
        due = datetime(2030, 1, 8, 9, 0, tzinfo=OSLO)
        override_due_date(inquiry, due, "The citizen is away until January.")
        assert inquiry.due_date == due
        entry = entries(inquiry)[-1]
        assert entry["action"] == "due_date_changed"
        assert entry["comment"] == "The citizen is away until January."
        assert entry["changes"]["due_date"][1] == due.isoformat()
        # A later category change no longer moves an agent's date.
        inquiry.category = None
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        notify(ObjectModifiedEvent(inquiry))
        assert inquiry.due_date == due

    def test_override_needs_a_reason(self, desk):
        inquiry = api.content.create(container=desk, type="Inquiry", title="Light")
        with pytest.raises(ValueError):
            override_due_date(inquiry, datetime(2030, 1, 8, tzinfo=OSLO), "  ")
