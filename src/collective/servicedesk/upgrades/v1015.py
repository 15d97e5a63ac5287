"""1014 → 1015: catalogue trees with small buckets (issue 19, lean writes).

ZODB writes a whole bucket whenever one of its keys changes: a registration
rewrote a bucket of 30–60 metadata records (~30 kB) and one of up to 60
entries in each of the ~45 indexes. The catalogue's metadata, ``paths`` and
``uids``, every index's top-level trees, the text indexes, the lexicons and
the intid utility are copied into the lean trees of ``search/leaves.py``
(buckets of at most 16 entries, 32 for integer to integer trees, packed
full); the catalogue's class becomes ``LeanCatalog`` so that a "Clear and
rebuild" keeps them. Nothing is reindexed: the keys and values are the same.
"""

from collective.servicedesk.search.leaves import convert
from plone import api
import logging

logger = logging.getLogger("collective.servicedesk.upgrades")


def lean_trees(setup_tool) -> None:
    """Convert the site's catalogue and intid trees in place."""
    done = convert(api.portal.get())
    logger.info(
        "Lean catalogue trees: %d trees converted, %d entries copied",
        len(done),
        sum(done.values()),
    )
