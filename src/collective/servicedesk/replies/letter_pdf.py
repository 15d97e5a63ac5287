"""Render a letter reply with the control panel's letterhead and store it as a blob."""

from collective.servicedesk import _
from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.replies.letter import Letter
from collective.servicedesk.replies.letter import render
from collective.servicedesk.replies.values import to_citizen
from collective.servicedesk.settings import settings
from datetime import UTC
from datetime import datetime
from plone import api
from plone.namedfile.file import NamedBlobFile


def letter_for(inquiry: object, reply: dict) -> Letter:
    """Return the letter of a reply: letterhead settings, reference, date, text."""
    when = reply.get("date") or datetime.now(UTC)
    desk = settings().desk
    return Letter(
        municipality=desk.letterhead_name or api.portal.get().Title(),
        letterhead_address=desk.letterhead_address or "",
        logo_text=desk.letterhead_logo_text or "",
        reference=getattr(inquiry, "reference_number", None) or "",
        date=to_local(when).date(),
        subject=reply.get("subject") or "",
        body=reply["text"],
        recipient_name=reply.get("recipient_name") or "",
        recipient_address=reply.get("recipient_address") or "",
        sender_name=reply.get("sender_name") or "",
        sender_unit=desk.sender_name or "",
        labels={
            "reference": to_citizen(_("letter_our_reference", default="Our reference")),
            "date": to_citizen(_("letter_date", default="Date")),
        },
    )


def letter_file(inquiry: object, reply: dict) -> NamedBlobFile:
    """Return the PDF of a letter reply as a blob file."""
    reference = getattr(inquiry, "reference_number", None) or "letter"
    return NamedBlobFile(
        data=render(letter_for(inquiry, reply)),
        contentType="application/pdf",
        filename=f"{reference}-{reply['id'][:14]}.pdf",
    )
