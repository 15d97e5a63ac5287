"""The public replies of an inquiry, shown below its content."""

from collective.servicedesk.localtime import format_local
from collective.servicedesk.replies.browser.reply import CHANNEL_LABELS
from collective.servicedesk.replies.status import delivery_status
from collective.servicedesk.replies.storage import list_replies
from plone import api
from plone.app.layout.viewlets.common import ViewletBase


class RepliesViewlet(ViewletBase):
    """List the replies (newest first) with their delivery status."""

    def can_reply(self) -> bool:
        """True if the current user may send a reply."""
        return api.user.has_permission(
            "collective.servicedesk: Reply to citizen", obj=self.context
        )

    def replies(self) -> list[dict]:
        """Return the replies prepared for display."""
        base = self.context.absolute_url()
        rows = []
        for reply in reversed(list_replies(self.context)):
            status = delivery_status(reply)
            recipient = reply.get("recipient") or reply.get("recipient_name") or ""
            rows.append(
                {
                    "id": reply["id"],
                    "when": format_local(reply["date"]),
                    "channel": CHANNEL_LABELS.get(reply["channel"], reply["channel"]),
                    "sender": reply.get("sender_name") or reply.get("sender_id"),
                    "recipient": recipient,
                    "subject": reply.get("subject") or "",
                    "text": reply["text"],
                    "status": status["label"],
                    "status_id": status["status"],
                    "error": status["error"],
                    "letter_url": f"{base}/@@reply-letter?id={reply['id']}"
                    if reply.get("file")
                    else None,
                }
            )
        return rows
