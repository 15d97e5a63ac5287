"""Followers of an inquiry (mentioned in notes) hear of replies and state changes."""

from collective.servicedesk import _
from collective.servicedesk import logger
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate

ANNOTATION_KEY = "collective.servicedesk.followers"
MAX_FOLLOWERS = 50
# History actions followers hear about (besides every state change).
REPLY_ACTIONS = ("reply_email", "reply_letter", "reply_sms")


def followers(inquiry) -> tuple[str, ...]:
    """User ids following the inquiry (read only)."""
    return tuple(IAnnotations(inquiry).get(ANNOTATION_KEY) or ())


def follow(inquiry, user_ids: list[str]) -> tuple[str, ...]:
    """Add followers (a new tuple is stored only when something changes)."""
    current = followers(inquiry)
    new = tuple(user for user in user_ids if user not in current)
    if new:
        IAnnotations(inquiry)[ANNOTATION_KEY] = (current + new)[:MAX_FOLLOWERS]
    return followers(inquiry)


def on_history(inquiry, event) -> None:
    """A reply or a state change: tell the followers (not the one who did it)."""
    entry = event.entry
    action = entry.get("action", "")
    changes = entry.get("changes") or {}
    if action not in REPLY_ACTIONS and "review_state" not in changes:
        return
    users = [user for user in followers(inquiry) if user != entry.get("who")]
    if not users:
        return
    from collective.servicedesk.history.viewlet import ACTION_LABELS
    from collective.servicedesk.notifications import notify

    label = ACTION_LABELS.get(action, action)
    text = translate(
        _(
            "follower_notice",
            default="An inquiry you follow changed: ${what}.",
            mapping={"what": translate(label, context=getRequest())},
        ),
        context=getRequest(),
    )
    try:
        notify(
            users,
            "message",
            inquiry,
            subject=getattr(inquiry, "reference_number", "") or "",
            text=text,
        )
    except Exception:  # noqa: BLE001 - a notice must never break the reply
        logger.exception("Follower notice failed for %s", inquiry.absolute_url())


def is_following(inquiry) -> bool:
    """True if the current user follows the inquiry."""
    return api.user.get_current().getId() in followers(inquiry)
