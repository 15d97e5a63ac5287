"""Count the questions a published FAQ answered before they were sent.

One ``BTrees.Length`` per month in an annotation of the portal: Length
resolves concurrent increments itself, so two citizens clicking "this
answered my question" at the same moment never conflict.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from datetime import UTC
from datetime import datetime

ANNOTATION_KEY = "collective.servicedesk.faq_answered"


def _tree(create: bool = False) -> OOBTree | None:
    return portal_storage(ANNOTATION_KEY, create=create)


def record_answered(when: datetime | None = None) -> None:
    """Count one question answered by the FAQ."""
    month = (when or datetime.now(UTC)).strftime("%Y-%m")
    tree = _tree(create=True)
    counter = tree.get(month)
    if counter is None:
        counter = tree[month] = Length()
    counter.change(1)


def answered_counts() -> dict[str, int]:
    """Return ``{"YYYY-MM": count}`` of questions answered by the FAQ."""
    tree = _tree()
    return {month: counter() for month, counter in tree.items()} if tree else {}


def answered_total() -> int:
    """Return how many questions the FAQ answered in all."""
    return sum(answered_counts().values())
