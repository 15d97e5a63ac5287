"""Hold follow-ups from unknown senders, and let staff attach or discard them."""

from collective.servicedesk import _
from collective.servicedesk import logger
from collective.servicedesk.intake import held
from collective.servicedesk.intake.inquiries import add_followup
from collective.servicedesk.intake.inquiries import notify_responsible
from collective.servicedesk.intake.security import intake_user
from plone import api

REVIEW_VIEW = "@@held-mail"
# Who may attach or discard: someone who handles the inquiry. Both
# permissions are the inquiry's own (workflow-managed), never site-wide.
HANDLING_PERMISSIONS = (
    "collective.servicedesk: Reply to citizen",
    "Modify portal content",
)


def hold_followup(
    inquiry,
    channel: str,
    text: str,
    sender: str,
    sender_name: str = "",
    subject: str = "",
    attachments=(),
) -> str:
    """Hold a follow-up for review and tell the responsible staff; return its id."""
    with intake_user(channel):
        held_id = held.hold(
            inquiry,
            channel,
            text,
            sender,
            sender_name=sender_name,
            subject=subject,
            attachments=attachments,
        )
        notify_responsible(
            inquiry,
            _(
                "notice_held_followup",
                default="A message about this inquiry came from an unknown "
                "sender (${sender}). It is not added to the inquiry until "
                "someone reviews it: ${url}",
                mapping={
                    "sender": sender or "?",
                    "url": inquiry.absolute_url() + "/" + REVIEW_VIEW,
                },
            ),
        )
    return held_id


def may_review(inquiry) -> bool:
    """True if the current user may view the inquiry and handle it."""
    if not api.user.has_permission("View", obj=inquiry):
        return False
    return any(
        api.user.has_permission(permission, obj=inquiry)
        for permission in HANDLING_PERMISSIONS
    )


def attach_held(inquiry, held_id: str) -> bool:
    """Add a held follow-up to the inquiry (as the intake, noting the reviewer)."""
    item = held.take(inquiry, held_id)
    if item is None:
        return False
    reviewer = api.user.get_current().getId()
    files = [
        (entry["filename"], entry["content_type"], entry["file"].data)
        for entry in item.get("attachments") or ()
    ]
    add_followup(
        inquiry,
        item["channel"],
        item["text"],
        sender=item["sender"],
        attachments=files,
        subject=item.get("subject") or "",
        known_sender=False,
        reviewed_by=reviewer,
    )
    return True


def discard_held(inquiry, held_id: str) -> bool:
    """Throw a held follow-up away (logged without its content)."""
    item = held.take(inquiry, held_id)
    if item is None:
        return False
    logger.info(
        "Held %s follow-up %s of %s discarded by %s",
        item["channel"],
        held_id,
        getattr(inquiry, "reference_number", ""),
        api.user.get_current().getId(),
    )
    return True
