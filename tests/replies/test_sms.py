"""SMS replies via the HTTP gateway: after commit, retried by the tick, sent once."""

from collective.servicedesk.history import entries
from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.replies.delivery import wait_for_deliveries
from collective.servicedesk.replies.status import delivery_status
from collective.servicedesk.replies.storage import list_replies
from collective.servicedesk.replies.tick import SMSRetry
from collective.servicedesk.tick.runner import tick
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from tests.helpers.servers import HTTPRecorder
from tests.helpers.servers import free_port
from tests.replies.conftest import use_gateway
import transaction

TEXT = "Hei Åse! Svar på henvendelsen: søknaden er godkjent."


def _refresh(obj):
    transaction.begin()
    obj._p_jar.sync()


class TestSMSReply:
    def test_gateway_receives_the_message(self, sms_inquiry, gateway):
        reply = send_reply(sms_inquiry, "sms", TEXT, recipient="912 34 567")
        assert gateway.requests == []  # nothing before the commit
        transaction.commit()
        assert wait_for_deliveries()
        (request,) = gateway.requests
        assert request["headers"]["Authorization"] == "Bearer tok-1"
        assert request["json"]["to"] == "+4791234567"
        assert request["json"]["from"] == "Kommunen"
        assert request["json"]["text"] == TEXT
        assert request["json"]["reference"] == sms_inquiry.reference_number
        assert request["json"]["idempotency_key"] == reply["delivery_key"]
        _refresh(sms_inquiry)
        assert delivery_status(reply)["status"] == "sent"
        (stored,) = list_replies(sms_inquiry)
        assert stored["recipient"] == "+4791234567"
        assert entries(sms_inquiry)[-1]["action"] == "reply_sms"

    def test_rollback_sends_nothing(self, sms_inquiry, gateway):
        send_reply(sms_inquiry, "sms", TEXT, recipient="91234567")
        transaction.abort()
        wait_for_deliveries()
        assert gateway.requests == []

    def test_log_gateway(self, sms_inquiry, gateway, caplog):
        api.portal.set_registry_record("collective.servicedesk.sms_gateway", "log")
        reply = send_reply(sms_inquiry, "sms", TEXT, recipient="91234567")
        transaction.commit()
        wait_for_deliveries()
        assert gateway.requests == []
        _refresh(sms_inquiry)
        assert delivery_status(reply)["status"] == "sent"


class TestSMSGatewayDown:
    def test_failed_then_retried_once(self, sms_inquiry):
        port = free_port()
        use_gateway(f"http://127.0.0.1:{port}/sms/send")
        transaction.commit()
        reply = send_reply(sms_inquiry, "sms", TEXT, recipient="91234567")
        transaction.commit()
        assert wait_for_deliveries()
        _refresh(sms_inquiry)
        status = delivery_status(reply)
        assert status["status"] == "failed"
        assert status["error"]
        assert status["attempts"] == 1
        # Too early for a retry: the back-off is respected.
        assert SMSRetry()(api.portal.get(), datetime.now(UTC)) == {
            "sent": 0,
            "failed": 0,
        }
        server = HTTPRecorder(port=port).start()
        try:
            portal = api.portal.get()
            later = datetime.now(UTC) + timedelta(hours=1)
            results = tick(portal, later)
            transaction.commit()
            assert results["collective.servicedesk.sms_retry"] == {
                "sent": 1,
                "failed": 0,
            }
            assert len(server.requests) == 1
            tick(portal, later + timedelta(hours=1))
            transaction.commit()
            assert len(server.requests) == 1
        finally:
            server.stop()
        _refresh(sms_inquiry)
        assert delivery_status(reply)["status"] == "sent"
