"""Inquiries ready to be filed, with replies and attachments."""

from collective.servicedesk.intake.attachments import add_attachments
from collective.servicedesk.replies.storage import add_reply
from plone import api
from tests.replies.helpers import close
from tests.replies.helpers import make_inquiry

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def filable(desk, replies: int = 0, attachments: int = 0, **fields):
    """A closed, archive-worthy inquiry with ``replies`` replies and attachments."""
    obj = make_inquiry(desk, archive_worthy=True, **fields)
    obj.description = "Kan jeg bygge en garasje på 50 m² uten søknad?"
    for number in range(replies):
        add_reply(
            obj,
            {
                "channel": "email",
                "subject": f"Svar {number + 1}",
                "text": "Du må søke om tillatelse.",
                "sender_name": "Ola Saksbehandler",
                "recipient": obj.requester_email or "",
            },
        )
    add_attachments(
        obj,
        [(f"tegning-{n}.pdf", "application/pdf", PDF) for n in range(attachments)],
        source="test",
    )
    close(obj)
    obj.reindexObject()
    return obj


def grant_filing(obj) -> None:
    """Nothing to grant: the workflow gives agents the permission when closed."""
    assert api.content.get_state(obj) == "closed"
