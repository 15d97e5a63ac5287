"""The persistent outgoing-mail queue: BTrees in a portal annotation.

Only BTrees, PersistentMappings and built-in types are stored (no classes of
ours), so the data survives an uninstall unharmed. Each item is its own
PersistentMapping: a status change writes only that item, never the tree's
bucket, so adding items and updating others at the same time do not conflict.
(Plain dicts as BTree values would: conflict resolution compares values, and
dicts cannot be ordered.) Two workers claiming the same item do conflict,
which is what keeps a message from going out twice.
"""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from collective.servicedesk.annotations import portal_storage

ANNOTATION_KEY = "collective.servicedesk.mailqueue"
# items: key -> dict; pending: keys to send or retry;
# by_context / by_sender: uid or user id -> OOTreeSet of keys;
# parked: keys of items that failed for good (for the admins' list).
PARTS = ("items", "pending", "by_context", "by_sender", "parked")
# Always in `pending`: BTrees cannot resolve a conflict that leaves a bucket
# empty, so sending the last pending item while another is queued would clash.
SENTINEL = ""


def queue_root(portal: object = None, create: bool = False) -> OOBTree | None:
    """Return the queue's root tree; create it only when asked (never on a read)."""
    root = portal_storage(ANNOTATION_KEY, create=create, portal=portal)
    if root is not None and create:
        for name in PARTS:
            if name not in root:
                sets = ("pending", "parked")
                root[name] = OOTreeSet([SENTINEL]) if name in sets else OOBTree()
    return root


def part(name: str, portal: object = None, create: bool = False):
    """Return one part of the queue (see PARTS), or None if nothing was queued."""
    root = queue_root(portal, create=create)
    return root.get(name) if root is not None else None


def add_to_index(index: OOBTree, value: str | None, key: str) -> None:
    """Add `key` to the set of `value` in a by_* index."""
    if not value:
        return
    keys = index.get(value)
    if keys is None:
        keys = index[value] = OOTreeSet()
    keys.add(key)
