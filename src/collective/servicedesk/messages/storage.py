"""Storage of the per-user message boxes: BTrees in a portal annotation.

Each user's box is its own OOBTree, so writes to one person's box never
conflict with another's; each entry is a PersistentMapping changed in place,
so marking one read does not conflict with a new one arriving; unread counters
are BTrees.Length objects, which resolve concurrent increments. Reads never
create anything.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.annotations import with_parts

ANNOTATION_KEY = "collective.servicedesk.messagebox"


def _root(create: bool = False) -> OOBTree | None:
    new_root = with_parts(boxes=OOBTree, unread=OOBTree)
    return portal_storage(ANNOTATION_KEY, new_root, create=create)


def box(user_id: str, create: bool = False) -> OOBTree | None:
    """Return the user's box (entry id -> dict), or None if it has none yet."""
    root = _root(create=create)
    if root is None:
        return None
    entries = root["boxes"].get(user_id)
    if entries is None and create:
        entries = root["boxes"][user_id] = OOBTree()
        root["unread"][user_id] = Length(0)
    return entries


def unread_counter(user_id: str) -> Length | None:
    """Return the user's unread counter, or None."""
    root = _root()
    return root["unread"].get(user_id) if root is not None else None
