"""Build the e-mail of a queued item and hand it to the MailHost.

Composed with the ``email`` package's SMTP policy: headers are encoded and
folded, CRLF line ends, bodies quoted-printable (lines of at most 76
characters). So any text that was stored can be sent, however long its title
or lines; characters that cannot be encoded at all (lone surrogates, NUL) are
replaced here, at composition, never in the stored data.
"""

from email import policy
from email.message import EmailMessage
from email.utils import formataddr
from email.utils import formatdate
import hashlib
import re

# Lone surrogates cannot be encoded; C0 controls other than tab and line
# breaks have no place in mail text.
UNSENDABLE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
REPLACEMENT = "\ufffd"
# Longer subjects are cut: a header is folded anyway, but mail clients show
# a line at most, and some servers limit the header block.
MAX_SUBJECT = 500


def sendable(text: object) -> str:
    """Return ``text`` with everything that cannot be sent replaced."""
    return UNSENDABLE.sub(REPLACEMENT, "" if text is None else str(text))


def header_value(text: object, limit: int | None = None) -> str:
    """Return a one-line header value (no CR/LF), shortened to ``limit``."""
    value = " ".join(sendable(text).split())
    if limit and len(value) > limit:
        value = value[: limit - 1] + "…"
    return value


def message_id(key: str, sender: str) -> str:
    """Return a Message-ID derived from the idempotency key (same key, same id)."""
    domain = sender.rpartition("@")[2] or "localhost"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"<{digest}.servicedesk@{domain}>"


def build_message(item: dict) -> EmailMessage:
    """Return the MIME message of a queue item (text, optional HTML, attachments)."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = header_value(item["subject"], MAX_SUBJECT)
    msg["From"] = formataddr(
        (header_value(item.get("from_name")), header_value(item["from_address"]))
    )
    msg["To"] = ", ".join(header_value(address) for address in item["to"])
    if item.get("reply_to"):
        msg["Reply-To"] = header_value(item["reply_to"])
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = message_id(item["key"], item["from_address"])
    if item.get("auto_submitted", True):
        # RFC 3834: auto-responders must not answer our notices.
        msg["Auto-Submitted"] = "auto-generated"
    msg["X-Servicedesk-Kind"] = item.get("kind") or "mail"
    for name, value in (item.get("headers") or {}).items():
        if name in msg:
            del msg[name]
        msg[name] = header_value(value, MAX_SUBJECT)
    # Quoted-printable keeps the message 7-bit clean for any relay and wraps
    # long lines (soft breaks), so no line exceeds SMTP's 1000 octets.
    msg.set_content(sendable(item.get("body")), cte="quoted-printable")
    if item.get("lang"):  # after set_content, which drops Content-* headers
        msg["Content-Language"] = header_value(item["lang"])
    if item.get("html"):
        msg.add_alternative(
            sendable(item["html"]), subtype="html", cte="quoted-printable"
        )
    for filename, mimetype, data in item.get("attachments") or ():
        maintype, _sep, subtype = (mimetype or "").partition("/")
        msg.add_attachment(
            data,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=header_value(filename, 150) or "attachment",
        )
    return msg


def send_item(mailhost: object, item: dict) -> None:
    """Send the item right away through the MailHost (raises on failure).

    `immediate=True` bypasses zope.sendmail's transaction-bound delivery: we
    already run after the commit, and the MailHost's SMTP mailer has a short
    socket timeout, so a dead server fails fast instead of hanging.
    """
    send_message(mailhost, build_message(item), item)


def send_message(mailhost: object, msg: EmailMessage, item: dict) -> None:
    """Send a composed message of ``item`` right away (raises on failure)."""
    # No `mfrom`: the MailHost would replace our From header (and its name).
    mailhost.send(msg, mto=[header_value(to) for to in item["to"]], immediate=True)
