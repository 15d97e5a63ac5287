"""Poll the service desk mailbox over IMAP and feed each new message in.

Each message is committed on its own and only then flagged as seen, so a
crash never loses a message; a message that fails stays unseen and is
retried on the next run (and logged). A message beyond the intake limits
(size, parts, nesting) is never retried: it is quarantined, flagged
``$Quarantined`` (and seen) in the mailbox, where an administrator finds it,
and the refusal is logged. Its size is asked before it is fetched, so an
oversized message is never downloaded.
"""

from collective.servicedesk import logger
from collective.servicedesk.intake.limits import TOO_LARGE
from collective.servicedesk.intake.limits import MailLimits
from collective.servicedesk.intake.limits import MailRefused
from collective.servicedesk.intake.limits import mail_limits
from collective.servicedesk.intake.mail import intake_mail
from collective.servicedesk.settings import secret
from collective.servicedesk.settings import settings
from dataclasses import dataclass
import imaplib
import os
import re
import transaction

QUARANTINE_FLAG = "$Quarantined"
SIZE_RE = re.compile(rb"RFC822\.SIZE (\d+)")


@dataclass
class MailboxConfig:
    """Where the mailbox is; the password comes from the environment."""

    host: str
    port: int = 993
    user: str = ""
    password: str = ""
    folder: str = "INBOX"
    ssl: bool = True


def config_from_registry() -> MailboxConfig | None:
    """Read the mailbox settings (control panel + environment), or None if unset."""
    desk = settings().desk
    host = os.environ.get("SERVICEDESK_IMAP_HOST", desk.imap_host or "")
    if not host:
        return None
    return MailboxConfig(
        host=host,
        port=int(os.environ.get("SERVICEDESK_IMAP_PORT", desk.imap_port or 993)),
        user=os.environ.get("SERVICEDESK_IMAP_USER", desk.imap_user or ""),
        password=secret("imap_password"),
        folder=desk.imap_folder or "INBOX",
        ssl=os.environ.get("SERVICEDESK_IMAP_SSL", "1") != "0",
    )


def connect(config: MailboxConfig):
    """Open and log in to the mailbox."""
    client_class = imaplib.IMAP4_SSL if config.ssl else imaplib.IMAP4
    client = client_class(config.host, config.port)
    client.login(config.user, config.password)
    return client


def _raw_message(data) -> bytes | None:
    for item in data or ():
        if isinstance(item, tuple) and len(item) > 1:
            return item[1]
    return None


def _size(client, uid) -> int | None:
    """The message's size as the server reports it (None if unknown)."""
    status, data = client.uid("FETCH", uid, "(RFC822.SIZE)")
    if status != "OK":
        return None
    for item in data or ():
        line = item[0] if isinstance(item, tuple) else item
        match = SIZE_RE.search(line or b"")
        if match:
            return int(match.group(1))
    return None


def quarantine(client, uid, refusal: MailRefused) -> None:
    """Flag a refused message so that it is never fed in again; log why."""
    logger.warning(
        "Mail intake refused IMAP message %s (%s); flagged %s",
        uid.decode() if isinstance(uid, bytes) else uid,
        refusal,
        QUARANTINE_FLAG,
    )
    client.uid("STORE", uid, "+FLAGS", f"(\\Seen {QUARANTINE_FLAG})")


def poll(
    client, folder: str = "INBOX", limit: int = 100, limits: MailLimits | None = None
) -> dict:
    """Feed up to ``limit`` unseen messages of ``folder``; return counts."""
    limits = limits or mail_limits()
    counts = {
        "created": 0,
        "followup": 0,
        "held": 0,
        "ignored": 0,
        "quarantined": 0,
        "failed": 0,
    }
    client.select(folder)
    status, data = client.uid("SEARCH", None, "UNSEEN", "UNKEYWORD", QUARANTINE_FLAG)
    if status != "OK":
        raise RuntimeError(f"IMAP search failed: {status}")
    uids = (data[0] or b"").split()[:limit]
    for uid in uids:
        size = _size(client, uid)
        if size is not None and size > limits.max_bytes:
            quarantine(client, uid, MailRefused(TOO_LARGE, limits.max_bytes >> 20))
            counts["quarantined"] += 1
            continue
        # PEEK: the message stays unseen until its inquiry is committed.
        status, fetched = client.uid("FETCH", uid, "(BODY.PEEK[])")
        raw = _raw_message(fetched) if status == "OK" else None
        if raw is None:
            counts["failed"] += 1
            continue
        try:
            result = intake_mail(raw, limits=limits)
            transaction.commit()
        except MailRefused as refusal:
            transaction.abort()
            quarantine(client, uid, refusal)
            counts["quarantined"] += 1
            continue
        except Exception:
            transaction.abort()
            logger.exception("Mail intake failed for IMAP message %s", uid)
            counts["failed"] += 1
            continue
        client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
        counts[result.outcome] += 1
    return counts
