"""The persistent outgoing-mail queue: BTrees in a portal annotation.

Only BTrees, PersistentMappings and built-in types are stored (no classes of
ours), so the data survives an uninstall unharmed. Each item is its own
PersistentMapping: a status change writes only that item, never the tree's
bucket, so adding items and updating others at the same time do not conflict.
(Plain dicts as BTree values would: conflict resolution compares values, and
dicts cannot be ordered.) Two workers claiming the same item do conflict,
which is what keeps a message from going out twice.

Shards (issue 19): the trees every registration writes to (``items``,
``pending``, ``by_context``) are split into SHARDS small sets of trees, chosen
by a hash of the item's key (of the context's uid for ``by_context``). A
BTree write reads its tree nodes as current (``readCurrent``), so one shared
tree made every bucket split or emptied bucket a conflict for every other
registration and for the delivery worker draining ``pending``: the most
frequent conflict once the text indexes merged. Sixteen shards make two
registrations meet in the same tree about once in sixteen, and each shard's
``pending`` stays a single bucket, which BTrees merge. Sites queued mail
before the shards existed: their ``items``, ``pending`` and ``by_context``
(the "legacy" parts) are still read and drained, never added to.
"""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from collective.servicedesk.annotations import portal_storage
import zlib

ANNOTATION_KEY = "collective.servicedesk.mailqueue"
# items: key -> dict; pending: keys to send or retry;
# by_context / by_sender: uid or user id -> OOTreeSet of keys;
# parked: keys of items that failed for good (for the admins' list).
PARTS = ("items", "pending", "by_context", "by_sender", "parked")
# The parts kept per shard; "shards" maps 0..SHARDS-1 to an OOBTree of them.
SHARDED = ("items", "pending", "by_context")
SHARDS = 16
# Always in `pending`: BTrees cannot resolve a conflict that leaves a bucket
# empty, so sending the last pending item while another is queued would clash.
SENTINEL = ""


def _new(name: str):
    return OOTreeSet([SENTINEL]) if name in ("pending", "parked") else OOBTree()


def queue_root(portal: object = None, create: bool = False) -> OOBTree | None:
    """Return the queue's root tree; create it only when asked (never on a read).

    A site with an older queue gets its shards at its first write; its legacy
    parts stay as they are.
    """
    root = portal_storage(ANNOTATION_KEY, create=create, portal=portal)
    if root is not None and create:
        if "shards" not in root:
            root["shards"] = OOBTree(
                {
                    number: OOBTree({name: _new(name) for name in SHARDED})
                    for number in range(SHARDS)
                }
            )
        for name in PARTS:
            if name not in root and name not in SHARDED:
                root[name] = _new(name)
    return root


def part(name: str, portal: object = None, create: bool = False):
    """One unsharded part (by_sender, parked) or a legacy part; None if absent."""
    root = queue_root(portal, create=create)
    return root.get(name) if root is not None else None


def shard_number(value: str) -> int:
    """The shard of a key or uid: stable across processes (not ``hash()``)."""
    return zlib.crc32(value.encode("utf-8")) % SHARDS


def shard_part(name: str, value: str, portal: object = None, create: bool = False):
    """The part ``name`` of the shard that ``value`` (a key or uid) belongs to."""
    root = queue_root(portal, create=create)
    shards = root.get("shards") if root is not None else None
    if shards is None:
        return None
    return shards[shard_number(value)][name]


def parts_of(name: str, portal: object = None) -> list:
    """Every tree holding part ``name``: the legacy one (if any), then each shard's."""
    root = queue_root(portal)
    if root is None:
        return []
    found = [root[name]] if name in root else []
    shards = root.get("shards")
    if shards is not None and name in SHARDED:
        found.extend(shards[number][name] for number in range(SHARDS))
    return found


def add_to_index(index: OOBTree, value: str | None, key: str) -> None:
    """Add `key` to the set of `value` in a by_* index."""
    if not value:
        return
    keys = index.get(value)
    if keys is None:
        keys = index[value] = OOTreeSet()
    keys.add(key)
