"""Create inquiries and add follow-ups for the channels outside the office."""

from collective.servicedesk import _
from collective.servicedesk import logger
from collective.servicedesk.history import record
from collective.servicedesk.intake.attachments import add_attachments
from collective.servicedesk.intake.desk import find_service_desk
from collective.servicedesk.intake.security import channel_user
from collective.servicedesk.intake.security import intake_user
from collective.servicedesk.notifications import notify
from collective.servicedesk.notifications.kinds import KINDS
from collective.servicedesk.registration.service import register
from ZODB.POSException import ConflictError

# Personal fields: never stored when the citizen asks anonymously.
PERSONAL_FIELDS = (
    "requester_name",
    "requester_phone",
    "requester_email",
    "requester_organisation",
)
# History action of information a citizen added to an existing inquiry.
FOLLOWUP_ACTION = "citizen_information"
TITLE_LENGTH = 120


NO_SERVICE_DESK = _("error_no_service_desk", default="This site has no service desk.")


class NoServiceDesk(LookupError):
    """The site has no ServiceDesk to put inquiries in."""


def summary(text: str, length: int = TITLE_LENGTH) -> str:
    """Return the first line of ``text``, shortened to ``length`` characters."""
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= length else line[: length - 1] + "…"
    return ""


def create_inquiry(channel: str, data: dict, attachments=(), desk=None):
    """Create and route an inquiry coming in through ``channel``; return it."""
    desk = desk if desk is not None else find_service_desk()
    if desk is None:
        raise NoServiceDesk("No service desk in this site.")
    values = {key: value for key, value in data.items() if value not in (None, "")}
    values["channel"] = channel
    if values.get("anonymous"):
        for name in PERSONAL_FIELDS:
            values.pop(name, None)
        values["reply_channel"] = "none"
    with intake_user(channel):
        inquiry = register(desk, values)
        # The technical user must not keep the Owner role: an account of the
        # same name created later would otherwise read these inquiries.
        inquiry.manage_delLocalRoles([channel_user(channel)])
        inquiry.reindexObjectSecurity()
        if attachments:
            add_attachments(inquiry, attachments, source=channel)
    return inquiry


def add_followup(
    inquiry, channel: str, text: str, sender: str = "", attachments=(), **changes
) -> None:
    """Record information a citizen sent about an existing inquiry and notify."""
    with intake_user(channel):
        stored = add_attachments(inquiry, attachments, source=channel)
        details = {"channel": channel, **changes}
        if sender:
            details["sender"] = sender
        if stored:
            details["attachments"] = [item["filename"] for item in stored]
        record(inquiry, FOLLOWUP_ACTION, comment=text, changes=details)
        notify_responsible(inquiry, text)


def notify_responsible(inquiry, text: str) -> None:
    """Tell the handler (or else the unit) that the citizen added information."""
    recipient = getattr(inquiry, "responsible_handler", None) or getattr(
        inquiry, "responsible_unit", None
    )
    if not recipient:
        return
    # A dedicated kind belongs to the notifications feature; until it has one,
    # the generic "message" notice carries the text.
    kind = FOLLOWUP_ACTION if FOLLOWUP_ACTION in KINDS else "message"
    try:
        notify(
            [recipient],
            kind,
            inquiry=inquiry,
            subject=getattr(inquiry, "reference_number", "") or "",
            text=text,
        )
    except ConflictError:
        raise
    except Exception:  # a failing notice must never lose the citizen's text
        logger.exception("Could not notify %s about citizen information", recipient)
