"""The mail intake command and the IMAP poller (against a fake IMAP client)."""

from collective.servicedesk.intake import imap
from collective.servicedesk.intake.command import main
from plone import api
from tests.intake import messages
import io
import pytest


class FakeIMAP:
    """Just the IMAP4 calls the poller makes, over a dict of messages."""

    def __init__(self, mails: dict[bytes, bytes]) -> None:
        self.mails = mails
        self.seen: set[bytes] = set()
        self.quarantined: set[bytes] = set()
        self.fetched: set[bytes] = set()
        self.selected = None

    def select(self, folder):
        self.selected = folder
        return "OK", [str(len(self.mails)).encode()]

    def uid(self, command, *args):
        if command == "SEARCH":
            assert args == (None, "UNSEEN", "UNKEYWORD", imap.QUARANTINE_FLAG)
            unseen = [
                uid
                for uid in self.mails
                if uid not in self.seen and uid not in self.quarantined
            ]
            return "OK", [b" ".join(unseen)]
        if command == "FETCH":
            uid, spec = args
            if spec == "(RFC822.SIZE)":
                size = str(len(self.mails[uid])).encode()
                return "OK", [b"1 (UID " + uid + b" RFC822.SIZE " + size + b")"]
            assert spec == "(BODY.PEEK[])"  # never marks as seen by itself
            self.fetched.add(uid)
            return "OK", [(b"1 (UID " + uid + b" BODY[] {n}", self.mails[uid]), b")"]
        if command == "STORE":
            uid, _op, flags = args
            if flags == f"(\\Seen {imap.QUARANTINE_FLAG})":
                self.quarantined.add(uid)
            else:
                assert flags == "(\\Seen)"
            self.seen.add(uid)
            return "OK", []
        raise AssertionError(command)


class TestPoll:
    def test_feeds_unseen_and_marks_them(self, portal, desk, tm):
        client = FakeIMAP(
            {
                b"1": messages.utf8_quoted_printable(),
                b"2": messages.auto_reply(),
                b"3": messages.multipart_with_attachments(),
            }
        )
        counts = imap.poll(client, "INBOX")
        assert counts == {
            "created": 2,
            "followup": 0,
            "held": 0,
            "ignored": 1,
            "quarantined": 0,
            "failed": 0,
        }
        assert client.seen == {b"1", b"2", b"3"}
        assert tm.commits == 3  # one transaction per message
        assert imap.poll(client, "INBOX")["created"] == 0  # nothing new

    def test_failure_leaves_message_unseen(self, portal, desk, monkeypatch, tm):
        client = FakeIMAP({b"7": messages.alternative_html()})

        def broken(raw):
            raise RuntimeError("boom")

        monkeypatch.setattr(imap, "intake_mail", broken)
        counts = imap.poll(client, "INBOX")
        assert counts["failed"] == 1
        assert client.seen == set()
        assert tm.aborts == 1


class TestQuarantine:
    def test_refused_mail_is_flagged_never_retried(self, portal, desk, tm):
        client = FakeIMAP(
            {
                b"1": messages.many_attachments(500),
                b"2": messages.nested(20),
                b"3": messages.utf8_quoted_printable(),
            }
        )
        counts = imap.poll(client, "INBOX")
        assert (counts["quarantined"], counts["created"], counts["failed"]) == (2, 1, 0)
        assert client.quarantined == {b"1", b"2"}
        assert tm.aborts == 2 and tm.commits == 1
        # The next run finds nothing to do: no retry of the refused mail.
        again = imap.poll(client, "INBOX")
        assert sum(again.values()) == 0

    def test_oversized_mail_is_not_downloaded(self, portal, desk, tm):
        api.portal.set_registry_record(
            "collective.servicedesk.mail_intake.max_megabytes", 1
        )
        client = FakeIMAP({b"9": messages.large_text(2)})
        assert imap.poll(client, "INBOX")["quarantined"] == 1
        assert client.quarantined == {b"9"}
        assert client.fetched == set()
        assert tm.commits == tm.aborts == 0


class TestConfig:
    def test_unset(self, portal):
        assert imap.config_from_registry() is None

    def test_registry_and_environment(self, portal, monkeypatch):
        api.portal.set_registry_record(
            "collective.servicedesk.imap_host", "imap.example.no"
        )
        api.portal.set_registry_record("collective.servicedesk.imap_user", "postmottak")
        monkeypatch.setenv("SERVICEDESK_IMAP_PASSWORD", "s3cret")
        config = imap.config_from_registry()
        assert (
            config.host,
            config.port,
            config.user,
            config.password,
            config.folder,
        ) == (
            "imap.example.no",
            993,
            "postmottak",
            "s3cret",
            "INBOX",
        )


class TestCommand:
    def test_files(self, app, portal, desk, tmp_path, monkeypatch):
        import transaction

        monkeypatch.setattr(
            transaction, "commit", lambda: None
        )  # keep the test isolated
        path = tmp_path / "mail.eml"
        path.write_bytes(messages.latin1_base64())
        out = io.StringIO()
        assert main(app, ["--site", portal.getId(), str(path)], out=out) == 0
        assert out.getvalue().startswith(f"{path}: created ")
        assert any(obj.channel == "email" for obj in desk.objectValues())

    def test_refused_file(self, app, portal, desk, tmp_path, monkeypatch):
        import transaction

        monkeypatch.setattr(transaction, "commit", lambda: None)
        path = tmp_path / "bomb.eml"
        path.write_bytes(messages.many_attachments(1000))
        out = io.StringIO()
        assert main(app, ["--site", portal.getId(), str(path)], out=out) == 1
        assert out.getvalue() == f"{path}: refused too_many_parts\n"
        assert not any(obj.channel == "email" for obj in desk.objectValues())

    def test_imap_unconfigured(self, app, portal):
        out = io.StringIO()
        assert main(app, ["--site", portal.getId(), "--imap"], out=out) == 2
        assert "No mailbox configured" in out.getvalue()

    def test_help(self, app):
        with pytest.raises(SystemExit):
            main(app, ["--help"], out=io.StringIO())
