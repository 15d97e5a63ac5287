"""The outbox of messages to the records system: SQLite plus payload files.

Kept outside the ZODB on purpose: sending is a side effect that must survive
a crash between "sent" and "recorded". Each message has a fixed id chosen when
filing was requested; the row is claimed before sending, so a worker killed
mid-send leaves a stale claim that is retried with the *same* id (the archive
answers a repeated external key with the existing record). Several processes
may share the folder: claims are SQLite transactions (``BEGIN IMMEDIATE``).
"""

from collective.servicedesk.records.transport import Outgoing
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
import json
import os
import sqlite3
import time
import zipfile

QUEUED = "queued"
SENDING = "sending"
SENT = "sent"  # handed over; waiting for the receipt
FAILED = "failed"  # retried after a pause
DONE = "done"  # the receipt or rejection has been applied
GIVEN_UP = "given_up"
MAX_ATTEMPTS = 10
# A claim older than this is taken as a crashed sender.
STALE_SECONDS = 600

SCHEMA = """
create table if not exists messages (
    id text primary key,
    inquiry_uid text not null,
    message_type text not null,
    status text not null,
    attempts integer not null default 0,
    created real not null,
    claimed_at real,
    next_attempt real,
    sent_at real,
    remote_id text,
    last_error text default ''
);
create index if not exists by_remote on messages(remote_id);
create index if not exists by_status on messages(status);
"""


@dataclass
class Row:
    id: str
    inquiry_uid: str
    message_type: str
    status: str
    attempts: int
    remote_id: str | None
    last_error: str


def backoff(attempts: int) -> float:
    """Seconds before the next attempt: 1, 2, 4 ... minutes, at most an hour."""
    return min(60.0 * 2 ** max(attempts - 1, 0), 3600.0)


class Spool:
    """The outbox in ``folder`` (``outbox.sqlite`` and ``payload/<id>.zip``)."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "payload").mkdir(exist_ok=True)
        with closing(self._connect()) as db:
            db.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.folder / "outbox.sqlite", timeout=30, isolation_level=None
        )
        db.execute("pragma journal_mode=wal")
        db.execute("pragma synchronous=full")
        return db

    def _payload(self, message_id: str) -> Path:
        return self.folder / "payload" / f"{message_id}.zip"

    def add(self, uid: str, message: Outgoing, now: float | None = None) -> bool:
        """Store a message once; False (and nothing changed) if its id exists."""
        if self.get(message.id) is not None:
            return False
        path = self._payload(message.id)
        temporary = path.with_suffix(".tmp")
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, _mime_type, data in message.files:
                archive.writestr(name, data)
            archive.writestr(
                ".types.json",
                json.dumps({name: mime for name, mime, _data in message.files}),
            )
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        with closing(self._connect()) as db:
            cursor = db.execute(
                "insert or ignore into messages (id, inquiry_uid, message_type,"
                " status, created) values (?, ?, ?, ?, ?)",
                (message.id, uid, message.message_type, QUEUED, now or time.time()),
            )
            return cursor.rowcount == 1

    def load(self, row: Row) -> Outgoing:
        """Return the stored message of ``row``."""
        with zipfile.ZipFile(self._payload(row.id)) as archive:
            types = json.loads(archive.read(".types.json"))
            files = [(name, types[name], archive.read(name)) for name in types]
        return Outgoing(id=row.id, message_type=row.message_type, files=files)

    def _row(self, values) -> Row | None:
        if values is None:
            return None
        return Row(*values)

    def get(self, message_id: str) -> Row | None:
        with closing(self._connect()) as db:
            return self._row(
                db.execute(
                    "select id, inquiry_uid, message_type, status, attempts,"
                    " remote_id, last_error from messages where id = ?",
                    (message_id,),
                ).fetchone()
            )

    def by_remote(self, remote_id: str) -> Row | None:
        """Return the message Fiks IO knows as ``remote_id`` (or our own id)."""
        with closing(self._connect()) as db:
            values = db.execute(
                "select id, inquiry_uid, message_type, status, attempts,"
                " remote_id, last_error from messages where remote_id = ? or id = ?",
                (remote_id, remote_id),
            ).fetchone()
        return self._row(values)

    def claim(
        self, now: float | None = None, stale: float = STALE_SECONDS
    ) -> Row | None:
        """Mark the oldest due message as being sent and return it; None if none."""
        now = now or time.time()
        with closing(self._connect()) as db:
            db.execute("begin immediate")
            try:
                values = db.execute(
                    "select id, inquiry_uid, message_type, status, attempts,"
                    " remote_id, last_error from messages where status = ?"
                    " or (status = ? and next_attempt <= ?)"
                    " or (status = ? and claimed_at <= ?)"
                    " order by created limit 1",
                    (QUEUED, FAILED, now, SENDING, now - stale),
                ).fetchone()
                if values is not None:
                    db.execute(
                        "update messages set status = ?, claimed_at = ?,"
                        " attempts = attempts + 1 where id = ?",
                        (SENDING, now, values[0]),
                    )
                db.execute("commit")
            except BaseException:
                db.execute("rollback")
                raise
        row = self._row(values)
        if row is not None:
            row.status, row.attempts = SENDING, row.attempts + 1
        return row

    def sent(self, message_id: str, remote_id: str, now: float | None = None) -> None:
        with closing(self._connect()) as db:
            db.execute(
                "update messages set status = ?, remote_id = ?, sent_at = ?,"
                " last_error = '' where id = ? and status = ?",
                (SENT, remote_id, now or time.time(), message_id, SENDING),
            )

    def failed(self, message_id: str, error: str, now: float | None = None) -> str:
        """Record a failed attempt; return the new status."""
        now = now or time.time()
        row = self.get(message_id)
        status = GIVEN_UP if row.attempts >= MAX_ATTEMPTS else FAILED
        with closing(self._connect()) as db:
            db.execute(
                "update messages set status = ?, last_error = ?, next_attempt = ?"
                " where id = ?",
                (status, error[:500], now + backoff(row.attempts), message_id),
            )
        return status

    def done(self, message_id: str) -> None:
        """The receipt (or rejection) of the message has been applied."""
        with closing(self._connect()) as db:
            db.execute(
                "update messages set status = ? where id = ?", (DONE, message_id)
            )

    def retry(self, message_id: str) -> bool:
        """Make a failed or given-up message due now (an admin's resend)."""
        with closing(self._connect()) as db:
            cursor = db.execute(
                "update messages set status = ?, next_attempt = 0, attempts = 0"
                " where id = ? and status in (?, ?)",
                (FAILED, message_id, FAILED, GIVEN_UP),
            )
            return cursor.rowcount == 1

    def forget(self, message_id: str) -> None:
        """Remove a message that will never be sent (filing withdrawn)."""
        with closing(self._connect()) as db:
            db.execute("delete from messages where id = ?", (message_id,))
        self._payload(message_id).unlink(missing_ok=True)

    def ids(self, status: str, limit: int = 500) -> list[str]:
        """Ids of the messages in ``status`` (oldest first)."""
        with closing(self._connect()) as db:
            rows = db.execute(
                "select id from messages where status = ? order by created limit ?",
                (status, limit),
            )
            return [row[0] for row in rows]

    def counts(self) -> dict[str, int]:
        with closing(self._connect()) as db:
            return dict(
                db.execute("select status, count(*) from messages group by status")
            )


def send_due(
    spool: Spool, transport, limit: int = 50, stale: float = STALE_SECONDS
) -> dict:
    """Send up to ``limit`` due messages; return {message id: status}."""
    from collective.servicedesk.records.transport import TransportError

    outcome = {}
    for _index in range(limit):
        row = spool.claim(stale=stale)
        if row is None:
            break
        try:
            remote_id = transport.send(spool.load(row))
        except TransportError as error:
            outcome[row.id] = spool.failed(row.id, str(error))
        else:
            spool.sent(row.id, remote_id)
            outcome[row.id] = SENT
    return outcome
