"""@mentions in internal notes: a notice, a message-box entry, and following.

Only people who may view the inquiry are notified (a mention never shows an
inquiry to someone outside it); unknown names are left as plain text.
"""

from collective.servicedesk import logger
from collective.servicedesk.timeline.followers import follow
from plone import api
import re

# "@per", "@kari.nordmann", not e-mail addresses ("a@b.no").
MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9][\w.\-]{0,63}[\w])")
MAX_MENTIONS = 10


def mentioned(inquiry, text: str) -> list[str]:
    """User ids mentioned in ``text`` who exist and may view ``inquiry``."""
    acl = api.portal.get_tool("acl_users")
    found: list[str] = []
    for name in MENTION.findall(text or ""):
        user = acl.getUserById(name) or acl.getUser(name)
        if user is None or user.getId() in found:
            continue
        if api.user.has_permission("View", user=user, obj=inquiry):
            found.append(user.getId())
        if len(found) >= MAX_MENTIONS:
            break
    return found


def notify_mentions(inquiry, text: str) -> list[str]:
    """Send each mentioned person a notice (e-mail, message box); return their ids."""
    users = mentioned(inquiry, text)
    current = api.user.get_current().getId()
    users = [user for user in users if user != current]
    if not users:
        return []
    # A mentioned person follows the inquiry from now on.
    follow(inquiry, users)
    from collective.servicedesk.notifications import notify

    try:
        notify(
            users,
            "message",
            inquiry,
            subject=getattr(inquiry, "reference_number", "") or "",
            text=text,
        )
    except ValueError:  # pragma: no cover - a kind removed by configuration
        logger.warning("Mention notice not sent for %s", inquiry.absolute_url())
        return []
    return users
