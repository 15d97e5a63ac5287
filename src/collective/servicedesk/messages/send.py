"""Send a message to colleagues: into their message boxes, with an e-mail notice."""

from collective.servicedesk.messages.box import deliver
from collective.servicedesk.notifications import notify
from collective.servicedesk.notifications.recipients import expand
from plone import api
import uuid


def send_message(
    recipients: list[str] | str,
    subject: str,
    text: str,
    sender_id: str | None = None,
) -> list[str]:
    """Deliver to each user (group ids expand to members); return the user ids."""
    if sender_id is None and not api.user.is_anonymous():
        sender_id = api.user.get_current().getId()
    users = expand(recipients, exclude={sender_id} if sender_id else ())
    key = f"message:{uuid.uuid4().hex}"
    box_url = api.portal.get().absolute_url() + "/@@message-box"
    user_ids = []
    for user in users:
        user_id = user.getId()
        deliver(
            user_id,
            subject=subject,
            text=text,
            kind="message",
            sender_id=sender_id,
            url=box_url,
            entry_id=f"{key}:{user_id}",
        )
        user_ids.append(user_id)
    if user_ids:
        notify(
            user_ids,
            "message",
            key=key,
            box=False,
            subject=subject,
            text=text,
            url=box_url,
        )
    return user_ids
