"""Request filing, spool the messages, apply the archive's answers.

The request only records the wish (fixed message ids, status "pending") and
returns: building PDFs and XML, talking to Fiks IO and reading receipts all
happen after the commit, in ``cycle()`` (the worker thread or the tick).
"""

from collective.servicedesk import _
from collective.servicedesk import logger
from collective.servicedesk.records import state
from collective.servicedesk.records.arkivmelding import FILENAME
from collective.servicedesk.records.arkivmelding import MESSAGE_TYPE
from collective.servicedesk.records.arkivmelding import build
from collective.servicedesk.records.collect import filing
from collective.servicedesk.records.model import INCOMING
from collective.servicedesk.records.model import OUTGOING
from collective.servicedesk.records.model import parse_case_number
from collective.servicedesk.records.receipts import FILED
from collective.servicedesk.records.receipts import RECEIVED
from collective.servicedesk.records.receipts import REJECTED
from collective.servicedesk.records.receipts import parse
from collective.servicedesk.records.schemas import InvalidMessage
from collective.servicedesk.records.schemas import SchemaMissing
from collective.servicedesk.records.spool import Spool
from collective.servicedesk.records.spool import send_due
from collective.servicedesk.records.transport import Outgoing
from collective.servicedesk.records.transport import TransportError
from collective.servicedesk.replies.storage import list_replies
from collective.servicedesk.settings import settings
from datetime import UTC
from datetime import datetime
from plone import api
from zope.i18nmessageid import Message
import uuid

IDXS = ["records_status", "case_number", "records_error"]


class FilingError(ValueError):
    """Filing cannot be requested (message for the agent)."""

    def __init__(self, message: Message, field: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


def _uid(obj) -> str:
    return api.content.get_uuid(obj)


def _now() -> datetime:
    return datetime.now(UTC)


def _messages(obj) -> list[dict]:
    head = {
        "id": str(uuid.uuid4()),
        "kind": INCOMING,
        "reply_id": "",
        "state": state.WAITING,
    }
    replies = [
        {
            "id": str(uuid.uuid4()),
            "kind": OUTGOING,
            "reply_id": r["id"],
            "state": state.WAITING,
        }
        for r in list_replies(obj)
        if not r.get("anonymised")
    ]
    return [head, *replies]


def request_filing(obj) -> dict:
    """Ask for the inquiry to be filed; the messages go after the commit."""
    if not getattr(obj, "archive_worthy", False):
        raise FilingError(
            _(
                "records_error_not_archive_worthy",
                default="The inquiry is not marked archive-worthy.",
            ),
            "archive_worthy",
        )
    case_number = (getattr(obj, "case_number", None) or "").strip()
    if case_number and parse_case_number(case_number) is None:
        raise FilingError(
            _(
                "records_error_case_number",
                default="Write the case number as year/number, for example 2026/118.",
            ),
            "case_number",
        )
    current = state.get(obj)
    if current.get("status") in (state.PENDING, state.FILED):
        raise FilingError(
            _("records_error_already", default="Filing is already requested or done.")
        )
    user = api.user.get_current()
    data = {
        "status": state.PENDING,
        "requested": _now(),
        "requested_by": user.getId() if user else "",
        "case_number": case_number,
        "new_case": not case_number,
        "messages": _messages(obj),
        "error": {},
        "history": current.get("history", []),
    }
    state.put(obj, data)
    obj.reindexObject(idxs=IDXS)
    schedule(api.portal.get())
    return data


def resend(obj) -> dict:
    """After a rejection: the agent fixed the inquiry; send what is not filed again."""
    data = state.get(obj)
    if data.get("status") != state.REJECTED:
        raise FilingError(
            _(
                "records_error_not_rejected",
                default="Only a rejected filing can be sent again.",
            )
        )
    case_number = (getattr(obj, "case_number", None) or "").strip() or data.get(
        "case_number", ""
    )
    if case_number and parse_case_number(case_number) is None:
        raise FilingError(
            _(
                "records_error_case_number",
                default="Write the case number as year/number, for example 2026/118.",
            ),
            "case_number",
        )
    history = [
        *data.get("history", []),
        {"when": _now(), "error": data.get("error", {})},
    ]
    messages = []
    for message in data["messages"]:
        if message["state"] != state.DONE:
            # New content deserves a new id: the archive must not take it for
            # the refused message.
            message = {**message, "id": str(uuid.uuid4()), "state": state.WAITING}
        messages.append(message)
    data.update(
        status=state.PENDING,
        case_number=case_number,
        new_case=data.get("new_case", False) and not case_number,
        messages=messages,
        error={},
        history=history,
    )
    state.put(obj, data)
    obj.reindexObject(idxs=IDXS)
    schedule(api.portal.get())
    return data


def spool_folder() -> str:
    import os

    configured = (settings().records.spool_folder or "").strip()
    if configured:
        return configured
    env = os.environ.get("SERVICEDESK_RECORDS_SPOOL", "").strip()
    if env:
        return env
    home = os.environ.get("CLIENT_HOME") or os.path.join(os.getcwd(), "var")
    return os.path.join(home, "servicedesk-records")


def transport():
    """Return the configured transport, or None when switched off."""
    kind = settings().records.transport or "none"
    if kind == "filedrop":
        from collective.servicedesk.records.filedrop import FileDrop

        drop = settings().records
        return FileDrop(drop.filedrop_out, drop.filedrop_in)
    if kind == "fiksio":
        from collective.servicedesk.records.factory import fiksio_from_settings

        return fiksio_from_settings()
    return None


def _ready(data: dict) -> list[dict]:
    """Messages that may go: the first always, the others once the case is known."""
    ready = []
    for index, message in enumerate(data["messages"]):
        if message["state"] != state.WAITING:
            continue
        if index == 0 or data.get("case_number"):
            ready.append(message)
    return ready


def _outgoing(obj, message: dict, case_number: str) -> Outgoing:
    item = filing(obj, message, case_number)
    xml = build(item, settings().records.schema_folder or None)  # validates
    files = [(FILENAME, "application/xml", xml)]
    files += [(d.reference, d.mime_type, d.data) for d in item.entry.documents]
    return Outgoing(id=message["id"], message_type=MESSAGE_TYPE, files=files)


def _reject(obj, data: dict, error: dict) -> None:
    data.update(status=state.REJECTED, error=error)
    state.put(obj, data)
    obj.reindexObject(idxs=IDXS)


def spool_inquiry(obj, spool: Spool) -> int:
    """Build, validate and spool the ready messages of ``obj``; return how many.

    An invalid message is never spooled: the filing is marked rejected with
    the schema errors, for an admin to see.
    """
    data = state.get(obj)
    if data.get("status") != state.PENDING:
        return 0
    count = 0
    for message in _ready(data):
        try:
            outgoing = _outgoing(obj, message, data.get("case_number", ""))
        except InvalidMessage as error:
            logger.error("Arkivmelding for %s is invalid: %s", _uid(obj), error)
            _reject(obj, data, {"type": "invalid_message", "text": str(error)[:1000]})
            return count
        spool.add(_uid(obj), outgoing)
        message["state"] = state.SPOOLED
        count += 1
    if count:
        state.put(obj, data)
    return count


def pending_inquiries(portal) -> list:
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Inquiry", records_status=state.PENDING
        )
    ]


def _file_in_workflow(obj) -> None:
    """Run the "file" transition now that the receipt is here (as the system)."""
    if api.content.get_state(obj) != "closed":
        return
    with api.env.adopt_roles(["Manager"]):
        try:
            api.content.transition(obj=obj, transition="file")
        except api.exc.InvalidParameterError:
            logger.warning("Could not run 'file' on %s", _uid(obj))


def apply(incoming, spool: Spool) -> tuple[str, object]:
    """Apply one answer of the records system; return (what it meant, spool row)."""
    result = parse(incoming, settings().records.schema_folder or None)
    row = spool.by_remote(incoming.reply_to)
    if row is None and result.key:
        # A resend after a crash: Fiks IO gave the first attempt another id,
        # but the receipt names our message id as its external key.
        row = spool.get(result.key)
    if row is None:
        logger.warning("Answer to unknown message %s ignored", incoming.reply_to)
        return "unknown", row
    if result.kind not in (FILED, RECEIVED, REJECTED):
        return result.kind, row
    found = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=row.inquiry_uid
    )
    if not found:
        return "unknown", row
    obj = found[0]._unrestrictedGetObject()
    data = state.get(obj)
    message = next((m for m in data.get("messages", ()) if m["id"] == row.id), None)
    if message is None or message["state"] == state.DONE:
        return "duplicate", row  # a repeated receipt changes nothing
    if result.kind == RECEIVED:
        message["state"] = state.RECEIVED
        state.put(obj, data)
        return RECEIVED, row
    if result.kind == REJECTED:
        message["state"] = state.FAILED
        _reject(
            obj,
            data,
            {
                "type": result.error_type,
                "id": result.error_id,
                "text": result.error_text,
            },
        )
        return REJECTED, row
    message.update(
        state=state.DONE,
        journalpost_number=result.journalpost_number,
        registry_entry=result.registry_entry,
        date=result.date or _now().date().isoformat(),
    )
    if result.case_number and not data.get("case_number"):
        data["case_number"] = result.case_number
    if (
        data.get("case_number")
        and (getattr(obj, "case_number", None) or "") != data["case_number"]
    ):
        obj.case_number = data["case_number"]
    if all(m["state"] == state.DONE for m in data["messages"]):
        data.update(status=state.FILED, filed=_now())
    state.put(obj, data)
    obj.reindexObject(idxs=IDXS)
    if data["status"] == state.FILED:
        _file_in_workflow(obj)
    return FILED, row


def cycle(portal, manager, sender=None, stale: float | None = None) -> dict:
    """Spool, send and read receipts once; commit with ``manager`` after each step."""
    sender = sender or transport()
    summary = {"spooled": 0, "sent": 0, "answers": 0}
    if sender is None:
        return summary
    spool = Spool(spool_folder())
    try:
        for obj in pending_inquiries(portal):
            summary["spooled"] += spool_inquiry(obj, spool)
            manager.commit()
    except SchemaMissing as error:
        manager.abort()
        logger.error("Records: %s", error)
        summary["error"] = str(error)
        return summary
    options = {"stale": stale} if stale is not None else {}
    summary["sent"] = len(send_due(spool, sender, **options))
    try:
        for incoming in sender.receive():
            outcome, row = apply(incoming, spool)
            manager.commit()
            if row is not None and outcome in (FILED, REJECTED, "duplicate"):
                spool.done(row.id)
            incoming.ack()
            summary["answers"] += 1
    except TransportError as error:
        manager.abort()
        logger.warning("Records: reading receipts failed: %s", error)
        summary["error"] = str(error)
    # A case number that just arrived lets the replies go in the same run.
    for obj in pending_inquiries(portal):
        summary["spooled"] += spool_inquiry(obj, spool)
        manager.commit()
    if summary["spooled"]:
        summary["sent"] += len(send_due(spool, sender, **options))
    return summary


def schedule(portal) -> None:
    """Run a cycle after the current transaction commits (never blocks the request)."""
    from collective.servicedesk.records.worker import schedule as _schedule

    _schedule(portal)
