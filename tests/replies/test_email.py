"""E-mail replies: real SMTP, proper headers, sent after commit, retried, sent once."""

from collective.servicedesk.history import entries
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.replies.status import delivery_status
from collective.servicedesk.replies.storage import list_replies
from collective.servicedesk.tick.runner import tick
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from email.utils import parseaddr
from email.utils import parsedate_to_datetime
from plone import api
from tests.helpers.servers import SMTPServer
from tests.replies.helpers import SENDER
import transaction

TEXT = "Hei Åse,\n\nSøknaden om garasje er mottatt. Vi svarer innen fristen.\n"


def _send(obj, **extra):
    return send_reply(
        obj,
        "email",
        TEXT,
        subject="Svar på henvendelsen",
        recipient="ase@example.org",
        **extra,
    )


def _refresh(obj):
    """See what the delivery worker committed in its own connection."""
    transaction.begin()
    obj._p_jar.sync()


class TestEmailReply:
    def test_received_with_headers_and_body(self, mail_inquiry, smtp):
        reply = _send(mail_inquiry)
        transaction.commit()
        assert wait_for_deliveries()
        smtp.wait_for(1)
        ((rcpt, mail_from, message),) = smtp.received
        reference = mail_inquiry.reference_number
        assert rcpt == ["ase@example.org"]
        assert mail_from == SENDER[1]
        assert parseaddr(message["From"]) == SENDER
        assert parseaddr(message["Reply-To"])[1] == SENDER[1]
        assert parseaddr(message["To"])[1] == "ase@example.org"
        assert message["Subject"] == f"[{reference}] Svar på henvendelsen"
        assert message["Message-ID"] == reply["message_id"]
        assert (
            message["Message-ID"].startswith("<")
            and "@demo.kommune.no>" in (message["Message-ID"])
        )
        sent = parsedate_to_datetime(message["Date"])
        assert abs(sent - datetime.now(UTC)) < timedelta(minutes=5)
        assert message["X-Servicedesk-Reference"] == reference
        assert message["Auto-Submitted"] is None
        body = message.get_body(("plain",))
        assert body.get_content_charset() == "utf-8"
        assert body.get_content().replace("\r\n", "\n").strip() == TEXT.strip()

    def test_recorded_as_public_reply_with_history(self, mail_inquiry, smtp):
        _send(mail_inquiry)
        transaction.commit()
        wait_for_deliveries()
        smtp.wait_for(1)
        _refresh(mail_inquiry)
        (reply,) = list_replies(mail_inquiry)
        assert reply["channel"] == "email"
        assert reply["text"] == TEXT.strip()
        assert reply["recipient"] == "ase@example.org"
        assert reply["sender_id"] == api.user.get_current().getId()
        assert delivery_status(reply)["status"] == "sent"
        assert entries(mail_inquiry)[-1]["action"] == "reply_email"

    def test_rollback_sends_nothing(self, mail_inquiry, smtp):
        _send(mail_inquiry)
        transaction.abort()
        wait_for_deliveries()
        assert smtp.wait_for(1, timeout=1) == []
        assert list_replies(mail_inquiry) == []


class TestEmailServerDown:
    def test_failed_then_retried_by_tick_and_sent_once(self, down_mail_inquiry):
        obj, port = down_mail_inquiry
        portal = api.portal.get()
        reply = _send(obj)
        transaction.commit()
        assert wait_for_deliveries()
        _refresh(obj)
        status = delivery_status(reply)
        assert status["status"] == "failed"
        assert status["error"]
        server = SMTPServer(port=port).start()
        try:
            later = datetime.now(UTC) + timedelta(hours=1)
            tick(portal, later)
            transaction.commit()
            assert wait_for_deliveries()
            assert len(server.wait_for(1)) == 1
            # The tick runs again (and again): nothing goes out twice.
            tick(portal, later + timedelta(hours=1))
            transaction.commit()
            wait_for_deliveries()
            tick(portal, later + timedelta(hours=2))
            transaction.commit()
            wait_for_deliveries()
            assert len(server.wait_for(2, timeout=1)) == 1
        finally:
            server.stop()
        _refresh(obj)
        assert delivery_status(reply)["status"] == "sent"
