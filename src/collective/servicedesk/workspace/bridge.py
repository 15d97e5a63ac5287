"""What the workspace panels need from the features below them, in one place.

Plain imports: every feature is part of this package, so a missing one is an
error, not a panel that quietly shows less. Names and titles for display come
from ``routing.display`` (shared with the statistics and the calendar feeds).
"""

from collective.servicedesk import logger
from collective.servicedesk.dates import short
from collective.servicedesk.deadlines import compute_due_date
from collective.servicedesk.deadlines import due_state
from collective.servicedesk.links import rebase
from collective.servicedesk.messages import box
from collective.servicedesk.routing.competence import all_competence
from collective.servicedesk.routing.display import category_title
from collective.servicedesk.routing.display import clear_names
from collective.servicedesk.routing.display import duties_now
from collective.servicedesk.routing.display import duty_periods
from collective.servicedesk.routing.display import group_title
from collective.servicedesk.routing.display import list_categories
from collective.servicedesk.routing.display import principal_title
from collective.servicedesk.routing.display import user_fullname
from collective.servicedesk.routing.display import user_groups
from collective.servicedesk.routing.principals import expand_users
from collective.servicedesk.settings import settings
from datetime import datetime
from plone import api
from plone.memoize import ram
from zope.globalrequest import getRequest

__all__ = [
    "category_title",
    "clear_names",
    "competence",
    "due_soon_limit",
    "due_state",
    "duties_now",
    "duty_periods",
    "expand_users",
    "group_title",
    "list_categories",
    "message_box_url",
    "principal_title",
    "recent_messages",
    "service_desk",
    "service_desk_url",
    "unread_count",
    "user_fullname",
    "user_groups",
]


def due_soon_limit(now: datetime) -> datetime:
    """Due dates before this moment are "due soon" (the deadlines' lead time)."""
    return compute_due_date(now, settings().desk.reminder_lead_hours)


def competence() -> dict[str, list[str]]:
    """{category id: principals ("user:x", "group:y")} of the competence profiles."""
    return all_competence()


def unread_count(user_id: str) -> int | None:
    """Unread messages in the user's message box; None when the box fails."""
    try:
        return int(box.unread_count(user_id))
    except Exception:  # noqa: BLE001 - a broken box must not break every page
        logger.exception("unread_count failed for %s", user_id)
        return None


def recent_messages(user_id: str, limit: int = 5) -> list[dict]:
    """Newest entries of the user's message box: [{subject, url, date, read}]."""
    if not user_id:
        return []
    return [
        {
            "subject": entry.get("subject") or "",
            "url": rebase(entry.get("url")) or message_box_url(),
            "date": short(entry.get("created")),
            "read": bool(entry.get("read")),
        }
        for entry in box.entries(user_id)[:limit]
    ]


def message_box_url() -> str:
    """URL of the message box page."""
    return f"{api.portal.get().absolute_url()}/@@message-box"


def _desk_brain():
    brains = api.content.find(portal_type="ServiceDesk", sort_on="path", sort_limit=1)
    return brains[0] if brains else None


def service_desk():
    """The service desk the current user registers in (the first one found)."""
    brain = _desk_brain()
    return brain.getObject() if brain is not None else None


def _desk_path_key(function) -> tuple:
    # The catalogue's counter changes with any (re)indexing, in every instance.
    return (
        "/".join(api.portal.get().getPhysicalPath()),
        api.user.get_current().getId(),
        api.portal.get_tool("portal_catalog").getCounter(),
    )


@ram.cache(_desk_path_key)
def _desk_path() -> str:
    brain = _desk_brain()
    return brain.getPath() if brain is not None else ""


def service_desk_url() -> str:
    """URL of that service desk (no object loaded), or ''.

    The quick bar asks on every staff page: the path is cached per user until
    the catalogue changes (issue 19), the URL follows the request's host.
    """
    path = _desk_path()
    request = getRequest() or getattr(api.portal.get(), "REQUEST", None)
    if not path or request is None:
        return ""
    return request.physicalPathToURL(path)
