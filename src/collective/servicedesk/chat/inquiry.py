"""A chat with a citizen becomes an inquiry (channel "chat") with its transcript.

The agent who took the chat registers it; the transcript is attached as a
text file (it stays under the inquiry's own permissions, confidential ones
included) and the citizen gets a follow-up code, as with the web form, to
give in the chat. Afterwards the citizen sees the chat only through that code.
"""

from collective.servicedesk import _
from collective.servicedesk.chat.transcript import Line
from collective.servicedesk.chat.transcript import TranscriptError
from collective.servicedesk.citizen import codes
from collective.servicedesk.intake.attachments import add_attachments
from collective.servicedesk.intake.desk import find_service_desk
from collective.servicedesk.registration.service import register

CHANNEL = "chat"
FILENAME = "chat-transcript.txt"
MAX_NAME = 200
MAX_EMAIL = 254

NO_DESK = _("error_no_service_desk", default="This site has no service desk.")
BAD_REQUESTER = _(
    "error_chat_requester",
    default="The citizen's name and e-mail address are at most 200 and 254 characters.",
)


def transcript_text(lines: list[Line]) -> str:
    """The transcript as plain text, one message per line."""
    rows = []
    for line in lines:
        when = f"[{line.time}] " if line.time else ""
        body = " ".join(line.body.split())
        rows.append(f"{when}{line.sender}: {body}")
    return "\n".join(rows) + "\n"


def to_inquiry(
    title: str,
    lines: list[Line],
    requester_name: str = "",
    requester_email: str = "",
    confidential: bool = False,
    desk=None,
):
    """Register the inquiry, attach the transcript; return it and the code."""
    if len(requester_name) > MAX_NAME or len(requester_email) > MAX_EMAIL:
        raise TranscriptError(BAD_REQUESTER, "requester_name")
    desk = desk if desk is not None else find_service_desk()
    if desk is None:
        raise TranscriptError(NO_DESK, status=409)
    text = transcript_text(lines)
    values = {
        "title": title,
        "description": lines[0].body[:500],
        "channel": CHANNEL,
        "requester_name": requester_name,
        "requester_email": requester_email,
        "confidential": bool(confidential),
    }
    inquiry = register(desk, {k: v for k, v in values.items() if v not in ("", None)})
    add_attachments(
        inquiry, [(FILENAME, "text/plain", text.encode("utf-8"))], source=CHANNEL
    )
    return inquiry, codes.issue(inquiry)
