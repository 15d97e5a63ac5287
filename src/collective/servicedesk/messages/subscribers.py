"""The message box receives the notices the notifications send (an event)."""

from collective.servicedesk.messages.box import deliver


def deliver_notice(event) -> None:
    """Put a notice (``INoticeForMessageBox``) into the recipient's box."""
    deliver(
        event.user_id,
        subject=event.subject,
        text=event.text,
        kind=event.kind,
        sender_id=event.sender_id,
        url=event.url,
        context_uid=event.context_uid,
        entry_id=event.entry_id,
    )
