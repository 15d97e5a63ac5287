"""The IMAP poller against a real Dovecot: refused mail is quarantined once."""

from collective.servicedesk.intake import imap
from pathlib import Path
from plone import api
from tests.intake import messages
from tests.intake.imapserver import PASSWORD
from tests.intake.imapserver import USER
from tests.intake.imapserver import IMAPServer
import pytest
import shutil
import tempfile

SEEN = "\\Seen"
QUARANTINED = {SEEN, imap.QUARANTINE_FLAG}


@pytest.fixture
def mailbox():
    # Not pytest's tmp_path: Dovecot's own users must reach the folder.
    folder = Path(tempfile.mkdtemp(prefix="servicedesk-imap-"))
    server = IMAPServer(folder).start()
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def poll(server: IMAPServer) -> dict:
    config = imap.MailboxConfig(
        host="127.0.0.1", port=server.port, user=USER, password=PASSWORD, ssl=False
    )
    client = imap.connect(config)
    try:
        return imap.poll(client, "INBOX")
    finally:
        client.logout()


class TestPoller:
    def test_bombs_quarantined_ordinary_mail_taken(self, portal, desk, mailbox, tm):  # noqa: F811
        api.portal.set_registry_record(
            "collective.servicedesk.mail_intake.max_megabytes", 1
        )
        mailbox.deliver(
            messages.utf8_quoted_printable(),
            messages.many_attachments(1000),
            messages.nested(20),
            messages.large_text(2),
        )
        counts = poll(mailbox)
        assert (counts["created"], counts["quarantined"], counts["failed"]) == (
            1,
            3,
            0,
        )
        assert mailbox.flags() == [{SEEN}, QUARANTINED, QUARANTINED, QUARANTINED]
        assert [obj.title for obj in desk.objectValues()] == [
            "Spørsmål om søppeltømming på Ørnevegen"
        ]
        # Nothing is tried again, however often the poller runs.
        assert sum(poll(mailbox).values()) == 0
        assert tm.commits == 1

    def test_message_made_unseen_again_stays_quarantined(
        self,
        portal,
        desk,
        mailbox,
        tm,  # noqa: F811
    ):
        mailbox.deliver(messages.many_attachments(500))
        assert poll(mailbox)["quarantined"] == 1
        client = mailbox.client()
        client.select("INBOX")
        client.store("1", "-FLAGS", "(\\Seen)")  # someone opens and unmarks it
        client.logout()
        assert sum(poll(mailbox).values()) == 0
        assert list(desk.objectIds()) == []
