"""FAQ review dates: expiry to "needs review" and the owner's notice."""

from collective.servicedesk import _
from collective.servicedesk import logger
from collective.servicedesk import notifications
from collective.servicedesk.annotations import object_storage
from collective.servicedesk.knowledge.interfaces import FAQ_ENTRY
from collective.servicedesk.knowledge.interfaces import FAQ_PUBLISHED_STATES
from collective.servicedesk.notifications.kinds import KINDS
from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

# An entry published without a review date gets one this far ahead.
DEFAULT_REVIEW_DAYS = 365
NOTICES_KEY = "collective.servicedesk.knowledge.review_notices"
NOTICE_KIND = "faq_review_due"


def faq_owner_id(faq) -> str | None:
    """The user who keeps the entry up to date: its FAQ owner, else its creator."""
    owner = getattr(faq, "faq_owner", None)
    if owner:
        return owner
    return faq.Creator() or None


def _send(owner: str, faq) -> bool:
    """Queue the notice through the notifications; True once it is queued."""
    mapping = {
        "title": faq.Title(),
        "url": faq.absolute_url(),
        "review_by": str(getattr(faq, "review_by", "") or ""),
    }
    if NOTICE_KIND in KINDS:
        notifications.notify([owner], NOTICE_KIND, **mapping)
        return True
    # Until a dedicated kind exists, the generic message notice carries it.
    language = api.portal.get_default_language()
    subject = translate(
        _(
            "notice_faq_review_subject",
            default="FAQ entry due for review: ${title}",
            mapping=mapping,
        ),
        target_language=language,
    )
    text = translate(
        _(
            "notice_faq_review_body",
            default='The review-by date of the FAQ entry "${title}" has passed. '
            "Check the answer and publish it again: ${url}",
            mapping=mapping,
        ),
        target_language=language,
    )
    notifications.notify(
        [owner], "message", subject=subject, text=text, url=mapping["url"]
    )
    return True


def _notify_owner(faq, owner: str | None) -> None:
    """Notify the owner and record the notice on the entry."""
    sent = False
    if owner:
        try:
            sent = _send(owner, faq)
        except Exception:  # the state change stands even if mail queuing fails
            logger.exception("Could not queue the review notice for %s", owner)
    notices = object_storage(faq, NOTICES_KEY, PersistentList, create=True)
    notices.append(
        {
            "to": owner,
            "kind": NOTICE_KIND,
            "when": datetime.now().isoformat(),
            "sent": sent,
        }
    )


def review_notices(faq) -> list[dict]:
    """Notices recorded for an entry (newest last)."""
    return list(IAnnotations(faq).get(NOTICES_KEY, []))


def expire_faq_reviews(portal=None, now: datetime | None = None) -> list[str]:
    """Move published FAQ entries past their review-by date to "needs review".

    Called by the periodic tick; returns the paths of the entries it moved.
    """
    now = now or datetime.now()
    today = now.date() if isinstance(now, datetime) else now
    catalog = api.portal.get_tool("portal_catalog")
    moved: list[str] = []
    # The tick runs without a user; the transition is a system decision.
    with api.env.adopt_roles(["Manager"]):
        brains = catalog.unrestrictedSearchResults(
            portal_type=FAQ_ENTRY,
            review_state=list(FAQ_PUBLISHED_STATES),
            faq_review_by={
                "query": DateTime(today.year, today.month, today.day),
                "range": "max",
            },
        )
        for brain in brains:
            faq = brain._unrestrictedGetObject()
            review_by = getattr(faq, "review_by", None)
            if not review_by or review_by >= today:
                continue  # the index was stale; the object decides
            api.content.transition(
                obj=faq,
                transition="expire",
                comment=f"Review-by date {review_by.isoformat()} has passed.",
            )
            _notify_owner(faq, faq_owner_id(faq))
            moved.append("/".join(faq.getPhysicalPath()))
    if moved:
        logger.info("%d FAQ entries need review.", len(moved))
    return moved


def set_default_review_date(faq, event) -> None:
    """On publishing, give an entry without a future review date one a year ahead."""
    if event.new_state.id not in FAQ_PUBLISHED_STATES:
        return
    review_by = getattr(faq, "review_by", None)
    if review_by is None or review_by <= date.today():
        faq.review_by = date.today() + timedelta(days=DEFAULT_REVIEW_DAYS)
        faq.reindexObject(idxs=["faq_review_by"])
