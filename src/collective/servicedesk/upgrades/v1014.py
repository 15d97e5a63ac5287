"""1013 → 1014: text indexes whose postings merge under concurrent writes (issue 19).

The catalogue's text indexes (``servicedesk_text`` and Plone's
``SearchableText``, ``Title`` and ``Description``) get ``ConcurrentOkapiIndex``
(``search/postings.py``): every word's postings an ``IIBTree`` of its own,
touched in place, so that two registrations at the same time no longer
conflict in the text index. The postings that are still plain dicts are
converted in the same pass (one ``IIBTree`` per rare word); the documents,
word ids and scores stay as they are, so nothing is reindexed.
"""

from collective.servicedesk.search.postings import convert
from plone import api
import logging

logger = logging.getLogger("collective.servicedesk.upgrades")


def concurrent_text_indexes(setup_tool) -> None:
    """Convert the catalogue's text indexes in place."""
    done = convert(api.portal.get_tool("portal_catalog"))
    for name, postings in done.items():
        logger.info(
            "%s: concurrent postings (%d dict postings converted)", name, postings
        )
