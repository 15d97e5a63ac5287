"""Catalogue trees with small leaves: fewer bytes written per registration (issue 19).

ZODB writes a whole bucket whenever one key in it changes. The catalogue's
trees keep up to 60 entries per bucket (``IOBTree``, ``OIBTree``), 30
(``OOBTree``) or 120 (``IIBTree``), and a registration adds one key to each:
with metadata records of ~650 bytes that is ~30 kB for ``catalog.data`` alone,
and ~1 kB for each of the ~45 small indexes.

The ``Lean…`` classes are the same trees with smaller buckets and internal
nodes (BTrees reads ``max_leaf_size``/``max_internal_size`` from the class).
Their buckets are the plain ``IOBucket``/``OIBucket``/… of the family, so
lookups, set operations and conflict resolution are BTrees' own. Their dotted
names are stored in every converted tree: never rename or move them.

``convert`` swaps the catalogue's trees (metadata, ``paths``/``uids``, every
index's top-level trees, the text indexes and lexicons) and the intid
utility's for lean copies, packed full; ``LeanCatalog`` keeps the layout when
the catalogue is cleared (``Clear and rebuild``). The install and the upgrade
step to 1015 call ``convert``; running it again converts nothing.
"""

from Acquisition import aq_base
from BTrees.IIBTree import IIBTree
from BTrees.IIBTree import IIBucket
from BTrees.IOBTree import IOBTree
from BTrees.IOBTree import IOBucket
from BTrees.OIBTree import OIBTree
from BTrees.OIBTree import OIBucket
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOBucket
from Products.ZCatalog.Catalog import Catalog
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds

# Buckets of at most LEAF entries; after a split they hold half of that.
LEAF = 16
INTERNAL = 64


class LeanIOBTree(IOBTree):
    """``IOBTree`` with small buckets (metadata, ``_unindex``, ``_docwords``)."""

    max_leaf_size = LEAF
    max_internal_size = INTERNAL


class LeanOIBTree(OIBTree):
    """``OIBTree`` with small buckets (``uids``, intids' ``ids``, lexicon words)."""

    max_leaf_size = LEAF
    max_internal_size = INTERNAL


class LeanOOBTree(OOBTree):
    """``OOBTree`` with small buckets (indexes' forward ``_index``)."""

    max_leaf_size = LEAF
    max_internal_size = INTERNAL


class LeanIIBTree(IIBTree):
    """``IIBTree`` with small buckets (date ``_unindex``, text ``_docweight``)."""

    max_leaf_size = LEAF * 2
    max_internal_size = INTERNAL


LEAN = {
    IOBTree: (LeanIOBTree, IOBucket),
    OIBTree: (LeanOIBTree, OIBucket),
    OOBTree: (LeanOOBTree, OOBucket),
    IIBTree: (LeanIIBTree, IIBucket),
}
# The top-level trees of ZCatalog's and Plone's indexes, text indexes and lexicons.
INDEX_TREES = (
    "_unindex",
    "_index",
    "_index_items",
    "_index_parents",
    "_since",
    "_until",
    "_since_only",
    "_until_only",
)
TEXT_TREES = ("_docwords", "_docweight", "_wordinfo")
LEXICON_TREES = ("_wids", "_words")
CATALOG_TREES = ("data", "paths", "uids")
INTID_TREES = ("refs", "ids")


def packed(tree):
    """A lean copy of a plain tree, its buckets full; None if it needs none.

    Copying key by key in order would leave every bucket half full (a split
    keeps half in each); built from its state, the copy has as few buckets as
    the leaf size allows.
    """
    if type(tree) not in LEAN:
        return None
    lean, bucket_type = LEAN[type(tree)]
    items = list(tree.items())
    new = lean()
    if not items:
        return new
    buckets = []
    for start in range(0, len(items), lean.max_leaf_size):
        bucket = bucket_type()
        bucket.update(items[start : start + lean.max_leaf_size])
        buckets.append(bucket)
    for bucket, following in zip(buckets, buckets[1:], strict=False):
        bucket.__setstate__((bucket.__getstate__()[0], following))
    if len(buckets) == 1:
        new.update(items)
        return new
    level = [(bucket, bucket, bucket.minKey()) for bucket in buckets]
    while len(level) > lean.max_internal_size:
        groups = -(-len(level) // lean.max_internal_size)  # ceiling
        size, extra = divmod(len(level), groups)
        bounds = [i * size + min(i, extra) for i in range(groups + 1)]
        level = [
            _node(lean, level[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)
        ]
    new.__setstate__(_state(level))
    return new


def _state(children) -> tuple:
    """A tree node's state: (child0, key1, child1, …), first bucket."""
    flat = [children[0][0]]
    for child, _first, key in children[1:]:
        flat.extend((key, child))
    return (tuple(flat), children[0][1])


def _node(lean, children) -> tuple:
    node = lean()
    node.__setstate__(_state(children))
    return (node, children[0][1], children[0][2])


def _swap(owner, attr: str, done: dict, label: str) -> None:
    tree = owner.__dict__.get(attr)
    new = packed(tree)
    if new is None:
        return
    setattr(owner, attr, new)
    done[label] = len(new)


def convert_catalog(catalog) -> dict:
    """Lean trees for a ``Catalog`` (``portal_catalog._catalog``); {tree: items}."""
    catalog = aq_base(catalog)
    catalog._p_activate()
    if type(catalog) is Catalog:
        catalog.__class__ = LeanCatalog
        catalog._p_changed = True
    done: dict = {}
    for attr in CATALOG_TREES:
        _swap(catalog, attr, done, f"catalog.{attr}")
    for name, index in catalog.indexes.items():
        index = aq_base(index)
        index._p_activate()
        for attr in INDEX_TREES:
            _swap(index, attr, done, f"{name}.{attr}")
        inner = index.__dict__.get("index")
        if inner is not None and hasattr(inner, "_docwords"):
            inner._p_activate()
            for attr in TEXT_TREES:
                _swap(inner, attr, done, f"{name}.index.{attr}")
    return done


def convert(site) -> dict:
    """Lean trees for the site's catalogue, lexicons and intids; {tree: items}."""
    tool = site.portal_catalog
    done = convert_catalog(tool._catalog)
    for lexicon in tool.objectValues():
        lexicon = aq_base(lexicon)
        if hasattr(lexicon, "_wids"):
            lexicon._p_activate()
            for attr in LEXICON_TREES:
                _swap(lexicon, attr, done, f"{lexicon.getId()}.{attr}")
    intids = queryUtility(IIntIds, context=site)
    if intids is not None:
        intids = aq_base(intids)
        intids._p_activate()
        for attr in INTID_TREES:
            _swap(intids, attr, done, f"intids.{attr}")
    return done


class LeanCatalog(Catalog):
    """A ``Catalog`` whose ``clear`` (``Clear and rebuild``) makes lean trees again."""

    def clear(self):
        super().clear()
        convert_catalog(self)
