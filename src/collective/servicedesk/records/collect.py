"""Turn an inquiry into Filings: what goes into the archive, with privacy rules.

- the citizen's inquiry is an incoming journalpost (I), each public reply an
  outgoing one (U); documents are PDFs of what was received and sent, plus the
  attachments as they came;
- an anonymous inquiry names no person: the party is "Anonym" and no contact
  data leaves;
- a confidential inquiry is marked with skjerming (access restriction and
  legal basis), its parties as shielded, and the public titles carry no name.
"""

from collective.servicedesk.intake.attachments import list_attachments
from collective.servicedesk.records.model import ANONYMOUS_NAME
from collective.servicedesk.records.model import ATTACHMENT
from collective.servicedesk.records.model import INCOMING
from collective.servicedesk.records.model import MAIN
from collective.servicedesk.records.model import OUTGOING
from collective.servicedesk.records.model import RECIPIENT
from collective.servicedesk.records.model import SENDER
from collective.servicedesk.records.model import Document
from collective.servicedesk.records.model import Entry
from collective.servicedesk.records.model import Filing
from collective.servicedesk.records.model import Party
from collective.servicedesk.replies.letter import Letter
from collective.servicedesk.replies.letter import render
from collective.servicedesk.replies.storage import get_reply
from collective.servicedesk.settings import settings
from datetime import UTC
from datetime import datetime
from plone import api
import re

SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _text(obj, name: str) -> str:
    return (getattr(obj, name, None) or "").strip()


def _when(obj) -> datetime:
    created = obj.created()
    return created.asdatetime().astimezone(UTC) if created else datetime.now(UTC)


def _safe(name: str, number: int) -> str:
    return f"{number:02d}-{SAFE.sub('_', name).strip('_') or 'fil'}"


def requester(obj) -> Party:
    """The citizen as korrespondansepart, following the privacy rules."""
    if getattr(obj, "anonymous", False) or not _text(obj, "requester_name"):
        return Party(kind=SENDER, name=ANONYMOUS_NAME, is_person=False)
    return Party(
        kind=SENDER,
        name=_text(obj, "requester_name"),
        email=_text(obj, "requester_email"),
        phone=_text(obj, "requester_phone"),
        organisation=_text(obj, "requester_organisation"),
        shielded=bool(getattr(obj, "confidential", False)),
    )


def public_title(obj) -> str:
    """A title fit for the public journal: the reference and category, no names."""
    reference = _text(obj, "reference_number")
    if getattr(obj, "confidential", False) or not getattr(obj, "anonymous", False):
        return f"Henvendelse {reference}".strip()
    return _text(obj, "title") or f"Henvendelse {reference}".strip()


def _pdf(obj, subject: str, body: str, when: datetime, name: str, sender: str) -> bytes:
    return render(
        Letter(
            municipality=api.portal.get().Title(),
            reference=_text(obj, "reference_number"),
            date=when.date(),
            subject=subject,
            body=body or "-",
            recipient_name=name,
            sender_name=sender,
        )
    )


def inquiry_entry(obj, key: str) -> Entry:
    """The incoming journalpost: the inquiry as a PDF plus its attachments."""
    party = requester(obj)
    when = _when(obj)
    title = _text(obj, "title") or _text(obj, "reference_number")
    documents = [
        Document(
            number=1,
            title=title,
            filename=f"{_text(obj, 'reference_number') or 'henvendelse'}.pdf",
            reference="01-henvendelse.pdf",
            mime_type="application/pdf",
            data=_pdf(obj, title, _text(obj, "description"), when, "", party.name),
            role=MAIN,
        )
    ]
    for attachment in list_attachments(obj):
        number = len(documents) + 1
        documents.append(
            Document(
                number=number,
                title=attachment["filename"],
                filename=attachment["filename"],
                reference=_safe(attachment["filename"], number),
                mime_type=attachment["content_type"],
                data=attachment["file"].data,
                role=ATTACHMENT,
            )
        )
    return Entry(
        key=key,
        direction=INCOMING,
        title=title,
        public_title=public_title(obj),
        date=when,
        parties=[party],
        documents=documents,
    )


def reply_entry(obj, key: str, reply_id: str) -> Entry:
    """An outgoing journalpost: the reply as it was sent, as a PDF."""
    reply = get_reply(obj, reply_id) or {}
    when = reply.get("date") or datetime.now(UTC)
    party = requester(obj)
    recipient = Party(
        kind=RECIPIENT,
        name=party.name,
        email=party.email,
        phone=party.phone,
        is_person=party.is_person,
        shielded=party.shielded,
    )
    subject = (
        reply.get("subject") or f"Svar på henvendelse {_text(obj, 'reference_number')}"
    )
    pdf = _pdf(
        obj,
        subject,
        reply.get("text", ""),
        when,
        recipient.name,
        reply.get("sender_name", ""),
    )
    return Entry(
        key=key,
        direction=OUTGOING,
        title=subject,
        public_title=f"Svar på {public_title(obj).lower()}",
        date=when,
        parties=[recipient],
        documents=[
            Document(
                number=1,
                title=subject,
                filename=f"svar-{reply_id[:14]}.pdf",
                reference="01-svar.pdf",
                mime_type="application/pdf",
                data=pdf,
                role=MAIN,
            )
        ],
    )


def filing(obj, message: dict, case_number: str) -> Filing:
    """The Filing of one message of the inquiry's filing state."""
    if message["kind"] == INCOMING:
        entry = inquiry_entry(obj, message["id"])
    else:
        entry = reply_entry(obj, message["id"], message["reply_id"])
    title = _text(obj, "title") or _text(obj, "reference_number")
    return Filing(
        system=settings().records.system_name or "collective.servicedesk",
        case_key=api.content.get_uuid(obj),
        case_title=title,
        case_public_title=public_title(obj),
        entry=entry,
        case_number=case_number,
        new_case=not case_number,
        archive_part=settings().records.archive_part or "",
        confidential=bool(getattr(obj, "confidential", False)),
        authority=settings().records.confidential_authority or "Offl. § 13",
        unit=_text(obj, "responsible_unit"),
    )
