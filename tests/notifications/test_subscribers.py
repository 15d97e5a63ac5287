"""Assignment, forwarding and answer notices from the inquiry's life cycle."""

from collective.servicedesk.content.assignment import assign
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from tests.helpers.notifications import make_user
import pytest
import transaction


def sent(smtp, kind: str) -> list:
    transaction.commit()
    assert wait_for_deliveries(20)
    smtp.wait_for(100, timeout=0.5)
    return [m for m in smtp.messages if m["X-Servicedesk-Kind"] == kind]


@pytest.fixture
def desk(mail_portal):
    portal = mail_portal
    make_user("agent", "nb")
    make_user("handler", "nn")
    make_user("handler2", "en")
    api.group.create(groupname="unit-health", title="Helse og sosial")
    api.group.add_user(groupname="unit-health", username="handler2")
    setRoles(portal, "agent", ["Service Desk Agent"])
    setRoles(portal, "handler", ["Case Handler"])
    setRoles(portal, "handler2", ["Case Handler"])
    desk = api.content.create(container=portal, type="ServiceDesk", id="service-desk")
    transaction.commit()
    login(portal, "agent")
    return desk


class TestAssignment:
    def test_new_handler_is_told_once(self, desk, smtp):
        inquiry = api.content.create(
            container=desk, type="Inquiry", title="Leaking roof"
        )
        assign(inquiry, handler="handler", reason="competence")
        api.content.transition(obj=inquiry, transition="assign")
        notices = sent(smtp, "assignment")
        assert len(notices) == 1
        assert notices[0]["To"] == "handler@demo.kommune.no"
        assert notices[0]["Content-Language"] == "nn"
        assert notices[0]["Subject"] == (
            f"[{inquiry.reference_number}] Tildelt deg: Leaking roof"
        )
        body = notices[0].get_content()
        assert inquiry.absolute_url() in body
        assert "Agent har tildelt deg" in body
        # Editing the inquiry again does not repeat the notice.
        inquiry.title = "Leaking roof (urgent)"
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        notify(ObjectModifiedEvent(inquiry))
        assert len(sent(smtp, "assignment")) == 1

    def test_bare_reassignment_is_notified(self, desk, smtp):
        inquiry = api.content.create(
            container=desk, type="Inquiry", title="Streetlight out"
        )
        transaction.commit()
        # No edit event, no transition: only the reassignment itself.
        assign(inquiry, handler="handler", reason="on duty")
        notices = sent(smtp, "assignment")
        assert [m["To"] for m in notices] == ["handler@demo.kommune.no"]

    def test_self_assignment_sends_nothing(self, desk, smtp):
        inquiry = api.content.create(container=desk, type="Inquiry", title="Quick one")
        assign(inquiry, handler="agent")
        assert sent(smtp, "assignment") == []

    def test_forwarding_reaches_the_unit(self, desk, smtp):
        inquiry = api.content.create(container=desk, type="Inquiry", title="Home care")
        assign(inquiry, unit="unit-health")
        api.content.transition(obj=inquiry, transition="forward")
        notices = sent(smtp, "forwarding")
        assert [m["To"] for m in notices] == ["handler2@demo.kommune.no"]
        assert "to Helse og sosial" in notices[0].get_content()

    def test_rolled_back_assignment_sends_nothing(self, desk, smtp):
        inquiry = api.content.create(container=desk, type="Inquiry", title="Oops")
        transaction.commit()
        assign(inquiry, handler="handler")
        api.content.transition(obj=inquiry, transition="assign")
        transaction.abort()
        assert wait_for_deliveries(20)
        assert smtp.wait_for(1, timeout=1) == []


class TestAnswered:
    def test_registrar_is_told_the_answer_is_ready(self, desk, smtp):
        inquiry = api.content.create(container=desk, type="Inquiry", title="Permit?")
        assign(inquiry, handler="handler")
        api.content.transition(obj=inquiry, transition="assign")
        transaction.commit()
        login(api.portal.get(), "handler")
        inquiry.answer = "You need a permit."
        api.content.transition(obj=inquiry, transition="answer")
        notices = sent(smtp, "answered")
        assert [m["To"] for m in notices] == ["agent@demo.kommune.no"]
        assert notices[0]["Subject"] == (
            f"[{inquiry.reference_number}] Svar klart: Permit?"
        )
        assert "Handler har besvart" in notices[0].get_content()
