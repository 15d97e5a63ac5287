"""Build the e-mail of a queued item and hand it to the MailHost."""

from email.message import EmailMessage
from email.utils import formataddr
from email.utils import formatdate
import hashlib


def message_id(key: str, sender: str) -> str:
    """Return a Message-ID derived from the idempotency key (same key, same id)."""
    domain = sender.rpartition("@")[2] or "localhost"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"<{digest}.servicedesk@{domain}>"


def build_message(item: dict) -> EmailMessage:
    """Return the MIME message of a queue item (text, optional HTML, attachments)."""
    msg = EmailMessage()
    msg["Subject"] = item["subject"]
    msg["From"] = formataddr((item.get("from_name") or "", item["from_address"]))
    msg["To"] = ", ".join(item["to"])
    if item.get("reply_to"):
        msg["Reply-To"] = item["reply_to"]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = message_id(item["key"], item["from_address"])
    if item.get("auto_submitted", True):
        # RFC 3834: auto-responders must not answer our notices.
        msg["Auto-Submitted"] = "auto-generated"
    msg["X-Servicedesk-Kind"] = item.get("kind") or "mail"
    for name, value in (item.get("headers") or {}).items():
        if name in msg:
            del msg[name]
        msg[name] = value
    # Quoted-printable keeps the message 7-bit clean for any relay.
    msg.set_content(item.get("body") or "", cte="quoted-printable")
    if item.get("lang"):  # after set_content, which drops Content-* headers
        msg["Content-Language"] = item["lang"]
    if item.get("html"):
        msg.add_alternative(item["html"], subtype="html", cte="quoted-printable")
    for filename, mimetype, data in item.get("attachments") or ():
        maintype, _sep, subtype = mimetype.partition("/")
        msg.add_attachment(
            data,
            maintype=maintype,
            subtype=subtype or "octet-stream",
            filename=filename,
        )
    return msg


def send_item(mailhost: object, item: dict) -> None:
    """Send the item right away through the MailHost (raises on failure).

    `immediate=True` bypasses zope.sendmail's transaction-bound delivery: we
    already run after the commit, and the MailHost's SMTP mailer has a short
    socket timeout, so a dead server fails fast instead of hanging.
    """
    msg = build_message(item)
    # No `mfrom`: the MailHost would replace our From header (and its name).
    mailhost.send(msg, mto=list(item["to"]), immediate=True)
