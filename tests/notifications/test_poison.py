"""Any stored text can be mailed; a mail refused for good is parked, not retried."""

from collective.servicedesk.notifications import notify
from collective.servicedesk.notifications import queue
from collective.servicedesk.notifications import queue_mail
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.notifications.failures import is_permanent
from collective.servicedesk.tick import tick
from datetime import timedelta
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.helpers.notifications import browser_for
from tests.helpers.notifications import make_user
from tests.helpers.notifications import notice
from tests.helpers.notifications import token
import pytest
import re
import smtplib
import transaction

LONG_TITLE = "Søppel" + "x" * 200_000
SURROGATE = "Gate\ud800lys"
LONG_LINE = "Ein lang linje utan linjeskift. " * 3000  # ~ 96 000 characters


def deliver() -> None:
    transaction.commit()
    assert wait_for_deliveries(20)
    transaction.begin()


def longest_line(raw: bytes) -> int:
    return max(len(line) for line in raw.split(b"\r\n"))


@pytest.fixture
def kari(mail_portal):
    make_user("kari", "nb")
    transaction.commit()
    return "kari@demo.kommune.no"


class TestAnyTextIsSent:
    @pytest.mark.parametrize(
        "title", [LONG_TITLE, SURROGATE, LONG_LINE, "Nul\x00 og\r\nlinjeskift"]
    )
    def test_notice(self, kari, smtp, title):
        (key,) = notify(["kari"], "assignment", **notice(title=title))
        deliver()
        assert queue.get_item(key)["status"] == queue.SENT
        [raw] = smtp.recorder.raw
        assert longest_line(raw) <= 998  # RFC 5322 2.1.1
        [message] = smtp.to(kari)
        assert message["Subject"].startswith("[2026-000042] Tildelt deg: ")
        body = message.get_content()
        if title is SURROGATE:
            assert "Gate\ufffdlys" in body and "Gate\ufffdlys" in message["Subject"]
        elif title in (LONG_TITLE, LONG_LINE):
            # The body carries the whole title; the subject is cut.
            assert title in body.replace("\r\n", "\n")
            assert len(message["Subject"]) <= 500

    def test_message_with_surrogate_and_long_lines(self, kari, smtp):
        (key,) = notify(["kari"], "message", subject=SURROGATE, text=LONG_LINE)
        deliver()
        assert queue.get_item(key)["status"] == queue.SENT
        assert LONG_LINE.strip() in smtp.to(kari)[0].get_content()

    def test_digest(self, kari, smtp):
        items = "\n".join(f"- 2026-00000{n} {LONG_TITLE}{SURROGATE}" for n in range(3))
        (key,) = notify(["kari"], "digest", count=3, items=items, date="02.12.2026")
        deliver()
        assert queue.get_item(key)["status"] == queue.SENT
        assert longest_line(smtp.recorder.raw[0]) <= 998

    def test_reply_with_attachment(self, kari, smtp):
        key = queue_mail(
            [kari],
            f"[2026-000013] {SURROGATE} {LONG_TITLE}",
            LONG_LINE + "\n" + SURROGATE,
            kind="reply",
            headers={"X-Servicedesk-Reference": "2026-\ud800000013"},
            attachments=[("brev\ud800\n.pdf", "application/pdf", b"%PDF-1.4")],
            auto_submitted=False,
        )
        deliver()
        assert queue.get_item(key)["status"] == queue.SENT
        [message] = smtp.to(kari)
        [attachment] = list(message.iter_attachments())
        assert attachment.get_content() == b"%PDF-1.4"
        assert "\n" not in attachment.get_filename()


class TestParked:
    def test_refused_for_good_is_parked_once(self, kari, smtp):
        smtp.recorder.refuse.add(kari)
        (key,) = notify(["kari"], "assignment", **notice())
        deliver()
        item = queue.get_item(key)
        assert (item["status"], item["reason"], item["attempts"]) == (
            queue.GIVEN_UP,
            queue.PERMANENT,
            1,
        )
        assert "550" in item["last_error"]
        assert queue.parked_keys() == [key]
        # The tick never picks it up again.
        later = queue.utcnow() + timedelta(days=2)
        assert key not in queue.due_keys(later)
        tick(api_portal(), later)
        deliver()
        assert queue.get_item(key)["attempts"] == 1
        assert smtp.messages == []

    def test_admin_sees_retries_and_discards(self, functional_app, kari, smtp):
        smtp.recorder.refuse.add(kari)
        keys = [notify(["kari"], "assignment", **notice())[0] for _n in range(2)]
        deliver()
        admin = browser_for(functional_app, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        url = api_portal().absolute_url() + "/@@mail-queue"
        admin.open(url)
        section = admin.contents.split('id="parked-mail"', 1)[1].split("</section>")[0]
        assert "Parked e-mails" in admin.contents
        assert all(key in section for key in keys)
        assert "kari@demo.kommune.no: 550 5.1.1 No such user here" in section
        # Discard the first; the cause of the second is fixed, then retried.
        admin.post(url, f"_authenticator={token(admin)}&key={keys[0]}&discard=1")
        assert "The e-mail is discarded." in admin.contents
        smtp.recorder.refuse.clear()
        admin.post(url, f"_authenticator={token(admin)}&key={keys[1]}")
        assert wait_for_deliveries(20)
        transaction.begin()
        assert queue.get_item(keys[0])["status"] == queue.SKIPPED
        assert queue.get_item(keys[0])["reason"] == queue.DISCARDED
        assert queue.get_item(keys[1])["status"] == queue.SENT
        assert queue.parked_keys() == []
        assert len(smtp.to(kari)) == 1
        admin.open(url)
        assert 'id="parked-mail"' not in admin.contents

    def test_staff_cannot_discard(self, functional_app, kari, smtp):
        smtp.recorder.refuse.add(kari)
        (key,) = notify(["kari"], "assignment", **notice())
        deliver()
        browser = browser_for(functional_app, "kari", "secret-password-123")
        url = api_portal().absolute_url() + "/@@mail-queue"
        browser.open(url)
        assert 'id="parked-mail"' not in browser.contents
        browser.post(url, f"_authenticator={token(browser)}&key={key}&discard=1")
        assert "This e-mail cannot be discarded." in browser.contents
        transaction.begin()
        assert queue.get_item(key)["status"] == queue.GIVEN_UP


class TestClassification:
    @pytest.mark.parametrize(
        "error,permanent",
        [
            (smtplib.SMTPRecipientsRefused({"a@b.no": (550, b"no")}), True),
            (smtplib.SMTPRecipientsRefused({"a@b.no": (451, b"later")}), False),
            (smtplib.SMTPDataError(554, b"rejected"), True),
            (smtplib.SMTPDataError(452, b"full"), False),
            (smtplib.SMTPSenderRefused(553, b"bad", "x@y.no"), True),
            (smtplib.SMTPServerDisconnected("gone"), False),
            (ConnectionRefusedError(111, "refused"), False),
            (TimeoutError("timed out"), False),
            (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogate"), True),
        ],
    )
    def test_is_permanent(self, error, permanent):
        assert is_permanent(error) is permanent

    def test_composition_errors_are_permanent(self):
        assert is_permanent(TypeError("bad attachment"), composing=True) is True


def api_portal():
    from plone import api

    return api.portal.get()


def test_lines_of_received_mail_are_crlf(kari, smtp):
    notify(["kari"], "assignment", **notice(title="kort"))
    deliver()
    raw = smtp.recorder.raw[0]
    assert re.search(rb"[^\r]\n", raw) is None  # no bare line feeds
