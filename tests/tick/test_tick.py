"""The tick: reminders, escalation and digest go out once, however often it runs."""

from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.tick import ITickStep
from collective.servicedesk.tick import tick
from datetime import timedelta
from plone import api
from tests.tick.helpers import DUE
from tests.tick.helpers import add_user
from zope.component import getGlobalSiteManager
from zope.interface import implementer
import pytest
import transaction


def run(portal, now) -> dict:
    transaction.begin()
    result = tick(portal, now)
    transaction.commit()
    assert wait_for_deliveries(20)
    return result


def of_kind(smtp, kind: str, address: str | None = None) -> list:
    smtp.wait_for(100, timeout=0.5)
    messages = smtp.to(address) if address else smtp.messages
    return [m for m in messages if m["X-Servicedesk-Kind"] == kind]


class TestReminder:
    def test_sent_once_within_the_lead_time(self, inquiry, smtp):
        portal = api.portal.get()
        # Friday 14:00 is 5.5 business hours before Monday 12:00 (lead time: 4).
        run(portal, DUE - timedelta(days=2, hours=22))
        assert of_kind(smtp, "reminder") == []
        run(portal, DUE - timedelta(hours=2))
        run(portal, DUE - timedelta(hours=2))
        run(portal, DUE - timedelta(hours=1))
        reminders = of_kind(smtp, "reminder")
        assert len(reminders) == 1
        message = reminders[0]
        assert message["To"] == "handler@demo.kommune.no"
        assert message["Content-Language"] == "nb"
        assert message["Subject"] == (
            f"[{inquiry.reference_number}] Frist nærmer seg: Street light broken"
        )
        assert inquiry.absolute_url() in message.get_content()
        assert "09.03.2026 12:00" in message.get_content()

    def test_new_due_date_reminds_again(self, inquiry, smtp):
        from collective.servicedesk.deadlines import override_due_date

        portal = api.portal.get()
        run(portal, DUE - timedelta(hours=2))
        transaction.begin()
        override_due_date(inquiry, DUE + timedelta(days=1), "More time agreed")
        transaction.commit()
        run(portal, DUE + timedelta(days=1, hours=-2))
        assert len(of_kind(smtp, "reminder")) == 2

    def test_switched_off(self, inquiry, smtp):
        api.portal.set_registry_record(
            "collective.servicedesk.reminders_enabled", False
        )
        transaction.commit()
        run(api.portal.get(), DUE - timedelta(hours=2))
        assert of_kind(smtp, "reminder") == []


class TestEscalation:
    def test_lead_told_once_after_the_deadline(self, inquiry, smtp):
        portal = api.portal.get()
        run(portal, DUE - timedelta(minutes=1))
        assert of_kind(smtp, "escalation") == []
        run(portal, DUE + timedelta(minutes=1))
        run(portal, DUE + timedelta(hours=3))
        escalations = of_kind(smtp, "escalation")
        assert len(escalations) == 1
        assert escalations[0]["To"] == "lead@demo.kommune.no"
        assert escalations[0]["Content-Language"] == "en"
        assert escalations[0]["Subject"] == (
            f"[{inquiry.reference_number}] Overdue: Street light broken"
        )
        assert "Responsible: Handler" in escalations[0].get_content()

    def test_lead_inside_the_unit_is_preferred(self, inquiry, smtp):
        add_user("unitlead", ["unit-leads", "unit-building"])
        transaction.commit()
        run(api.portal.get(), DUE + timedelta(minutes=1))
        escalations = of_kind(smtp, "escalation")
        assert [m["To"] for m in escalations] == ["unitlead@demo.kommune.no"]


class TestUnitOnly:
    def test_unit_members_reminded_and_unit_named(self, site, smtp):
        obj = api.content.create(
            container=site["service-desk"],
            type="Inquiry",
            title="Unit only",
            responsible_unit="unit-building",
            due_date=DUE,
        )
        transaction.commit()
        run(site, DUE - timedelta(hours=1))
        assert [m["To"] for m in of_kind(smtp, "reminder")] == [
            "handler@demo.kommune.no"
        ]
        run(site, DUE + timedelta(hours=1))
        (escalation,) = of_kind(smtp, "escalation")
        assert "Responsible: Building." in escalation.get_content()
        assert obj.absolute_url() in escalation.get_content()


class TestDigest:
    def test_once_a_day_from_the_digest_hour(self, inquiry, smtp):
        portal = api.portal.get()
        monday = DUE.replace(hour=6, minute=30)
        run(portal, monday)
        assert of_kind(smtp, "digest") == []
        run(portal, monday.replace(hour=7, minute=5))
        run(portal, monday.replace(hour=9))
        run(portal, monday.replace(hour=16))
        digests = of_kind(smtp, "digest", "handler@demo.kommune.no")
        assert len(digests) == 1
        body = digests[0].get_content()
        assert "Åpne henvendelser tildelt deg: 1" in body
        assert inquiry.reference_number in body
        assert inquiry.absolute_url() in body
        run(portal, monday.replace(hour=7, minute=5) + timedelta(days=1))
        assert len(of_kind(smtp, "digest", "handler@demo.kommune.no")) == 2

    def test_nothing_open_nothing_sent(self, site, smtp):
        run(site, DUE.replace(hour=8))
        assert of_kind(smtp, "digest") == []


@implementer(ITickStep)
class Counting:
    order = 5

    def __init__(self):
        self.calls = []

    def __call__(self, portal, now):
        self.calls.append(now)
        return len(self.calls)


@implementer(ITickStep)
class Broken:
    order = 6

    def __call__(self, portal, now):
        raise RuntimeError("boom")


@pytest.fixture
def extra_steps():
    gsm = getGlobalSiteManager()
    counting, broken = Counting(), Broken()
    gsm.registerUtility(counting, ITickStep, name="test.counting")
    gsm.registerUtility(broken, ITickStep, name="test.broken")
    yield counting
    gsm.unregisterUtility(counting, ITickStep, name="test.counting")
    gsm.unregisterUtility(broken, ITickStep, name="test.broken")


class TestSteps:
    def test_other_features_plug_in_and_failures_are_contained(
        self, inquiry, smtp, extra_steps
    ):
        result = run(api.portal.get(), DUE + timedelta(minutes=1))
        assert result["test.counting"] == 1
        assert result["test.broken"] == {"error": "RuntimeError: boom"}
        # The built-in steps after the broken one still ran.
        assert result["collective.servicedesk.escalation"] == 1
        assert len(of_kind(smtp, "escalation")) == 1

    def test_naive_now_is_refused(self, site):
        from datetime import datetime

        with pytest.raises(ValueError):
            tick(site, datetime(2026, 3, 9, 12, 0))
