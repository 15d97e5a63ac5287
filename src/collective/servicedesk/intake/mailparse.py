"""Parse an RFC 822 e-mail into the parts an inquiry needs.

Any common charset works: the declared one first, then UTF-8, then
Windows-1252 (a superset of ISO-8859-1 that Norwegian mail clients use when
they say "iso-8859-1"), so æ, ø and å survive missing or wrong labels.
"""

from collective.servicedesk.intake.limits import TOO_DEEP
from collective.servicedesk.intake.limits import TOO_MANY_PARTS
from collective.servicedesk.intake.limits import MailLimits
from collective.servicedesk.intake.limits import MailRefused
from collective.servicedesk.intake.limits import check_raw
from collective.servicedesk.intake.limits import mail_limits
from collective.servicedesk.plaintext import html_to_text
from dataclasses import dataclass
from dataclasses import field
from email import policy
from email.message import EmailMessage
from email.parser import BytesFeedParser
from email.utils import getaddresses
import re

FALLBACK_CHARSETS = ("utf-8", "windows-1252")
# As in web browsers: mail labelled Latin-1 is decoded as Windows-1252, which
# only adds characters (€, – and curly quotes) where Latin-1 has controls.
CHARSET_ALIASES = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252"}
# Senders we never answer or register: bounces and auto-replies.
AUTOMATIC_SENDERS = re.compile(r"^(mailer-daemon|postmaster|no-?reply)@", re.I)
# Bytes fed to the parser at a time (see parse_bounded).
PARSE_CHUNK = 1024


@dataclass
class ParsedMail:
    """The parts of an e-mail the intake uses."""

    subject: str = ""
    from_name: str = ""
    from_email: str = ""
    message_id: str = ""
    text: str = ""
    attachments: list = field(default_factory=list)  # (filename, type, bytes)
    automatic: bool = False


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode ``data`` with its charset, falling back to UTF-8 and Windows-1252."""
    charset = (charset or "").lower()
    for name in (CHARSET_ALIASES.get(charset, charset), *FALLBACK_CHARSETS):
        if not name:
            continue
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def part_text(part: EmailMessage) -> str:
    """Return the decoded text of a text/* part."""
    data = part.get_payload(decode=True) or b""
    text = decode_bytes(data, part.get_content_charset())
    if part.get_content_type() == "text/html":
        text = html_to_text(text, paragraphs=True)
    return text.replace("\r\n", "\n").strip()


def _is_attachment(part: EmailMessage) -> bool:
    if part.is_multipart():
        return False
    if part.get_content_disposition() == "attachment" or part.get_filename():
        return True
    return part.get_content_maintype() not in ("text", "multipart")


def parse_bounded(raw: bytes, limits: MailLimits) -> EmailMessage:
    """Parse ``raw`` in chunks, refusing as soon as the nesting is too deep.

    The parser checks every line against the boundary of every open part, so
    deep nesting costs depth x lines: 400 levels in 40 kB took seconds. Fed in
    chunks, the parse stops at the first chunk that opens too many levels.
    ``_msgstack`` (the parser's open parts) is private, but has been there
    since Python 2.4; without it the depth is still checked after the parse.
    """
    parser = BytesFeedParser(policy=policy.default)
    for start in range(0, len(raw), PARSE_CHUNK):
        parser.feed(raw[start : start + PARSE_CHUNK])
        if len(getattr(parser, "_msgstack", ())) > limits.max_depth + 1:
            raise MailRefused(TOO_DEEP, limits.max_depth)
    return parser.close()


def walk_parts(message: EmailMessage, limits: MailLimits) -> list:
    """Return ``(part, forwarded)`` for every part, in order, in one walk.

    ``forwarded`` is true inside an attached e-mail (message/rfc822), which is
    kept whole. Refuses with ``MailRefused`` past the part or depth limit, so
    the work is bounded by the limits, not by what the sender built.
    """
    found = []
    stack = [(message, 0, False)]
    while stack:
        part, depth, forwarded = stack.pop()
        if depth > limits.max_depth:
            raise MailRefused(TOO_DEEP, limits.max_depth)
        found.append((part, forwarded))
        if len(found) > limits.max_parts:
            raise MailRefused(TOO_MANY_PARTS, limits.max_parts)
        if part.is_multipart():
            inside = forwarded or part.get_content_type() == "message/rfc822"
            children = part.get_payload()
            for child in reversed(children if isinstance(children, list) else []):
                stack.append((child, depth + 1, inside))
    return found


def _attachments(parts: list, body) -> list:
    found = []
    for part, forwarded in parts:
        if part is body or forwarded:
            continue
        if part.get_content_type() == "message/rfc822":
            # A forwarded e-mail: keep it whole, as an .eml file.
            inner = part.get_payload()
            data = inner[0].as_bytes() if isinstance(inner, list) and inner else b""
            found.append(
                (part.get_filename() or "forwarded.eml", "message/rfc822", data)
            )
            continue
        if not _is_attachment(part):
            continue
        data = part.get_payload(decode=True) or b""
        found.append((part.get_filename() or "", part.get_content_type(), data))
    return found


# Where the quoted earlier message of a reply starts (Norwegian and English).
REPLY_MARKERS = re.compile(
    r"^(-{2,}\s*(original message|opprinnelig melding|videresendt melding)"
    r"|(on|den|på)\b.{0,200}\b(wrote|skrev)\b.{0,200}:\s*$"
    r"|(from|fra)\s*:\s.+)",
    re.I,
)


def strip_quoted(text: str) -> str:
    """Return the new part of a reply: no quoted lines, no quoted earlier mail."""
    kept = []
    for line in (text or "").splitlines():
        if REPLY_MARKERS.match(line.strip()):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept).strip() or (text or "").strip()


def _is_automatic(message: EmailMessage, sender: str) -> bool:
    auto = str(message.get("Auto-Submitted", "no")).strip().lower()
    precedence = str(message.get("Precedence", "")).strip().lower()
    return (
        auto not in ("", "no")
        or precedence in ("bulk", "junk", "list", "auto_reply")
        or bool(message.get("X-Autoreply") or message.get("X-Autorespond"))
        or bool(AUTOMATIC_SENDERS.match(sender or ""))
    )


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name, "")
    except (ValueError, IndexError, TypeError):  # broken encoded words
        value = message.get_all(name, [""])[0] if message.get_all(name) else ""
    return " ".join(str(value or "").split())


def parse_message(raw: bytes | str, limits: MailLimits | None = None) -> ParsedMail:
    """Parse raw RFC 822 bytes into a ``ParsedMail``; ``MailRefused`` past a limit."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "replace")  # lone surrogates cannot be bytes
    limits = limits or mail_limits()
    check_raw(raw, limits)
    message = parse_bounded(raw, limits)
    parts = walk_parts(message, limits)
    senders = getaddresses([_header(message, "From")])
    from_name, from_email = senders[0] if senders else ("", "")
    body = message.get_body(preferencelist=("plain", "html"))
    text = part_text(body) if body is not None and not _is_attachment(body) else ""
    return ParsedMail(
        subject=_header(message, "Subject"),
        from_name=from_name.strip(),
        from_email=from_email.strip().lower(),
        message_id=_header(message, "Message-ID"),
        text=text,
        attachments=_attachments(parts, body),
        automatic=_is_automatic(message, from_email),
    )
