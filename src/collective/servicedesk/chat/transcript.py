"""A chat transcript saved, by a person's decision, as a redacted experience document.

The transcript is what the person saw in the chat (the client sends it); it
is checked for size and shape before any work, redacted with the knowledge
base's redaction (names of the participants and of the inquiry's requester,
e-mail, phone and identity numbers), and linked to the inquiry if there is
one. Chats of confidential inquiries are never shared this way.
"""

from collective.servicedesk import _
from collective.servicedesk.knowledge.interfaces import EXPERIENCE_DOCUMENT
from collective.servicedesk.knowledge.promote import LABELS
from collective.servicedesk.knowledge.promote import REDACTIONS_KEY
from collective.servicedesk.knowledge.promote import knowledge_base
from collective.servicedesk.knowledge.redact import highlight
from collective.servicedesk.knowledge.redact import redact
from dataclasses import dataclass
from html import escape
from plone import api
from plone.app.textfield.value import RichTextValue
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

KIND = "chat_transcript"
MAX_LINES = 500
MAX_BODY = 4000
MAX_SENDER = 200
MAX_TITLE = 200


class TranscriptError(ValueError):
    """The transcript cannot be saved; ``message`` is translatable."""

    def __init__(self, message, field: str | None = None, status: int = 400):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.status = status


BAD_LINES = _(
    "error_chat_transcript_lines",
    default="The transcript must be a list of at most 500 messages, each with a "
    "sender (at most 200 characters) and a text (at most 4000 characters).",
)
BAD_TITLE = _(
    "error_chat_transcript_title",
    default="Give the transcript a title of at most 200 characters.",
)
CONFIDENTIAL = _(
    "error_chat_transcript_confidential",
    default="The chat belongs to a confidential inquiry and cannot be shared.",
)
NO_KB = _("error_no_knowledge_base", default="There is no knowledge base yet.")


@dataclass(frozen=True)
class Line:
    """One message of the chat."""

    sender: str
    body: str
    time: str = ""


def check(title, lines) -> tuple[str, list[Line]]:
    """The title and lines, or a TranscriptError; sizes are checked first."""
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
        raise TranscriptError(BAD_TITLE, "title")
    if not isinstance(lines, list) or not 0 < len(lines) <= MAX_LINES:
        raise TranscriptError(BAD_LINES, "lines")
    checked = []
    for item in lines:
        if not isinstance(item, dict):
            raise TranscriptError(BAD_LINES, "lines")
        sender, body, time = item.get("from"), item.get("body"), item.get("time", "")
        if not (isinstance(sender, str) and isinstance(body, str)):
            raise TranscriptError(BAD_LINES, "lines")
        if not isinstance(time, str) or len(time) > 40:
            raise TranscriptError(BAD_LINES, "lines")
        if len(sender) > MAX_SENDER or len(body) > MAX_BODY:
            raise TranscriptError(BAD_LINES, "lines")
        checked.append(Line(sender.strip(), body, time))
    return title.strip(), checked


def _labels() -> dict[str, str]:
    language = api.portal.get_default_language()
    return {
        kind: translate(label, target_language=language)
        for kind, label in LABELS.items()
    }


def save_as_knowledge(title: str, lines: list[Line], inquiry=None, container=None):
    """Create the redacted experience document (kind "chat transcript")."""
    if inquiry is not None and getattr(inquiry, "confidential", False) is True:
        raise TranscriptError(CONFIDENTIAL, status=409)
    container = container or knowledge_base()
    if container is None:
        raise TranscriptError(NO_KB, status=409)
    labels = _labels()
    names = sorted({line.sender for line in lines if line.sender})
    if inquiry is not None:
        names.append(getattr(inquiry, "requester_name", None) or "")
    # Participants become "Person 1", "Person 2": who said what stays readable.
    speakers = {name: f"{index}" for index, name in enumerate(names, start=1)}
    redacted_title = redact(title, names, labels)
    rows, counts = [], {}
    for line in lines:
        body = redact(line.body, names, labels)
        for kind, count in body.counts().items():
            counts[kind] = counts.get(kind, 0) + count
        who = escape(speakers.get(line.sender, "?"))
        when = escape(line.time)
        rows.append(
            f'<li><span class="sd-chat-speaker">{who}</span> '
            f'<time>{when}</time> <span class="sd-chat-text">{highlight(body)}</span>'
            "</li>"
        )
    for kind, count in redacted_title.counts().items():
        counts[kind] = counts.get(kind, 0) + count
    common = {}
    if inquiry is not None:
        uid = api.content.get_uuid(inquiry)
        common = {"related_inquiries": [uid], "source_inquiry": uid}
    document = api.content.create(
        container=container,
        type=EXPERIENCE_DOCUMENT,
        title=redacted_title.text,
        document_kind=KIND,
        audience="internal",
        source=getattr(inquiry, "reference_number", None) or "",
        text=RichTextValue(
            '<ol class="sd-chat-transcript">' + "".join(rows) + "</ol>",
            "text/html",
            "text/x-html-safe",
        ),
        **common,
    )
    IAnnotations(document)[REDACTIONS_KEY] = counts
    return document
