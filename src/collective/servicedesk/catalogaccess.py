"""The one place that reads ZCatalog internals (record ids, index rows, lazy results).

Statistics, facets, queues and the records overview work on the catalog's
integer record ids (rids) so that hundreds of thousands of inquiries never
become brains or objects. ZCatalog has no public API for some of this, so the
package reads a few private attributes; they are all here, each behind a
documented function, and `tests/base/test_catalogaccess.py` pins the behaviour
they rely on, so an upgrade of Products.ZCatalog / PluginIndexes that changes
it fails there, loudly, instead of skewing numbers.

What is relied on (Products.ZCatalog 7):
- Changes are indexed when the indexing queue is processed (``processQueue``,
  which the catalog's searches call and these functions call too).
- ``ZCatalog._catalog`` is the ``Catalog``; ``Catalog.indexes`` maps index ids
  to unwrapped index objects and ``Catalog[rid]`` builds the brain of a rid.
- ``LazyMap._seq`` of a search result holds rids, or ``(score, rid)`` tuples
  when a text query ranks them (rid last).
- Field, keyword, boolean and date indexes (``UnIndex``): ``items()`` gives
  ``(value, rids)`` pairs (a single rid normalised to an ``IISet``), and
  ``_index`` maps a value to its rids (a bare int for a single record);
  ``documentToKeyMap()`` is the rid → value mapping (``_unindex``).
- ``DateIndex._convert(datetime)`` encodes a moment as the UTC minute
  ``(((year * 12 + month) * 31 + day) * 24 + hour) * 60 + minute``.
"""

from BTrees.IIBTree import IISet
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from datetime import datetime
from plone import api
from Products.CMFCore.indexing import processQueue


def _catalog(catalog=None):
    return catalog if catalog is not None else api.portal.get_tool("portal_catalog")


def get_index(name: str, catalog=None):
    """The index object called ``name`` (unwrapped, pending indexing done), or None."""
    # The catalog's own searches process the indexing queue first; reading an
    # index directly must too, or it misses what this transaction changed.
    processQueue()
    return _catalog(catalog)._catalog.indexes.get(name)


def result_rids(results) -> list[int]:
    """Record ids of a catalog result without building brains.

    Relevance-ranked results (a text query) hold (score, ..., rid) tuples;
    results of other shapes (no ``_seq``) fall back to the brains' rids.
    """
    sequence = getattr(results, "_seq", None)
    if sequence is None:
        return [brain.getRID() for brain in results]
    return [item[-1] if isinstance(item, tuple) else item for item in sequence]


def brains(rids: Iterable[int], catalog=None) -> list:
    """The brains of these record ids, in that order (no query, no object)."""
    processQueue()
    internal = _catalog(catalog)._catalog
    return [internal[rid] for rid in rids]


def value_rids(name: str, catalog=None) -> Iterator[tuple[object, IISet]]:
    """``(value, record ids)`` of every value of a field/keyword/boolean index."""
    index = get_index(name, catalog)
    if index is None:
        return iter(())
    return iter(index.items())


def records_of(name: str, value, catalog=None) -> IISet:
    """The record ids with ``value`` in a field/keyword index (empty: none, no index).

    One lookup, where a catalogue query would build the whole result; the set
    may be the index's own (an ``IITreeSet``): read it, never change it.
    """
    index = get_index(name, catalog)
    found = None if index is None else index._index.get(value)
    if found is None:
        return IISet()
    if isinstance(found, int):
        return IISet((found,))
    return found


def value_counts(name: str, catalog=None) -> dict[object, int]:
    """``{value: how many records}`` of a field/keyword/boolean index."""
    index = get_index(name, catalog)
    if index is None:
        return {}
    return dict(index.uniqueValues(name, withLengths=True))


def rid_values(name: str, catalog=None) -> Callable[[int], object]:
    """``rid -> value`` of an index (None where a record has no value, or no index)."""
    index = get_index(name, catalog)
    if index is None:
        return lambda rid: None
    return index.documentToKeyMap().get


def date_key(name: str, when: datetime, catalog=None) -> int | None:
    """The value a date index stores for ``when`` (comparable with ``rid_values``)."""
    index = get_index(name, catalog)
    return None if index is None else index._convert(when)
