"""Dynamic FAQ: how often entries answer inquiries, and where entries are missing."""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from collective.servicedesk.annotations import object_storage
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.interfaces import IFAQUsage
from collective.servicedesk.knowledge.interfaces import FAQ_ENTRY
from collective.servicedesk.knowledge.interfaces import FAQ_PUBLISHED_STATES
from collective.servicedesk.knowledge.text import category_title
from DateTime import DateTime
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.interface import provider

# Site annotation: FAQ UID -> BTrees.Length. Length resolves concurrent increments
# instead of conflicting, and the FAQ object itself (and its versions) stay untouched.
USAGE_KEY = "collective.servicedesk.knowledge.faq_usage"
# Inquiry annotation: UIDs of the FAQ entries already counted for that inquiry.
USED_KEY = "collective.servicedesk.knowledge.used_faqs"


def _usage(create: bool = False) -> OOBTree | None:
    return portal_storage(USAGE_KEY, create=create)


@provider(IFAQUsage)
def usage_counts():
    """Uses per FAQ entry as a function UID -> count; None while none was counted.

    Registered as the ``IFAQUsage`` utility: search ranks suggestions with it.
    """
    tree = _usage()
    if not tree:
        return None

    def count(uid: str) -> int:
        counter = tree.get(uid)
        return counter() if counter is not None else 0

    return count


def count_faq_use(faq, inquiry=None) -> int:
    """Count that an inquiry was answered with this FAQ entry; return the new count.

    An inquiry counts once per entry, however often its answer is saved.
    """
    uid = api.content.get_uuid(faq)
    if inquiry is not None:
        used = object_storage(inquiry, USED_KEY, OOTreeSet, create=True)
        if uid in used:
            return faq_use_count(faq)
        used.add(uid)
    if inquiry is not None:
        # The summary the agent typed is how people ask for this entry.
        from collective.servicedesk.knowledge.phrasings import learn_phrasing
        from collective.servicedesk.knowledge.phrasings import requester_names

        learn_phrasing(faq, inquiry.title or "", requester_names(inquiry))
    tree = _usage(create=True)
    counter = tree.get(uid)
    if counter is None:
        counter = tree[uid] = Length()
    counter.change(1)
    return counter()


def faq_use_count(faq) -> int:
    """How many inquiries were answered with this entry."""
    tree = _usage()
    counter = tree.get(api.content.get_uuid(faq)) if tree is not None else None
    return counter() if counter is not None else 0


def faqs_used_for(inquiry) -> list[str]:
    """UIDs of the FAQ entries counted for an inquiry."""
    return list(IAnnotations(inquiry).get(USED_KEY, ()))


def most_used(limit: int = 10) -> list[dict]:
    """The most used FAQ entries the current user may see, most used first."""
    tree = _usage()
    if not tree:
        return []
    counts = sorted(((c(), uid) for uid, c in tree.items()), reverse=True)
    wanted = {uid: count for count, uid in counts[: limit * 3] if count}
    if not wanted:
        return []
    brains = api.content.find(portal_type=FAQ_ENTRY, UID=list(wanted))
    rows = [
        {
            "uid": brain.UID,
            "title": brain.Title,
            "url": brain.getURL(),
            "review_state": brain.review_state,
            "count": wanted[brain.UID],
        }
        for brain in brains
    ]
    rows.sort(key=lambda row: (-row["count"], row["title"]))
    return rows[:limit]


def category_gaps(
    min_inquiries: int = 5, days: int = 365, limit: int = 20
) -> list[dict]:
    """Categories with ``min_inquiries`` inquiries in ``days`` but no published FAQ.

    Counts are statistics over all inquiries (no content is shown), so they are
    taken from the catalog without the user's read filter.
    """
    catalog = api.portal.get_tool("portal_catalog")
    if "inquiry_category" not in catalog.indexes():
        return []
    covered: set[str] = set()
    for brain in catalog.unrestrictedSearchResults(
        portal_type=FAQ_ENTRY, review_state=list(FAQ_PUBLISHED_STATES)
    ):
        covered.update(brain.servicedesk_categories or ())
    since = DateTime() - days
    rows = []
    for category in catalog.uniqueValuesFor("inquiry_category"):
        if not category or category in covered:
            continue
        count = len(
            catalog.unrestrictedSearchResults(
                portal_type="Inquiry",
                inquiry_category=category,
                created={"query": since, "range": "min"},
            )
        )
        if count >= min_inquiries:
            rows.append(
                {"id": category, "title": category_title(category), "inquiries": count}
            )
    rows.sort(key=lambda row: (-row["inquiries"], row["title"]))
    return rows[:limit]
