"""Put a bench site's text indexes into one kind: ``BENCH_INDEX`` stock or concurrent.

Run by ``zconsole run`` (``bench.s2scale``) on a copy of the seeded template.
``concurrent`` is the 1015 upgrade (``ConcurrentOkapiIndex``); ``stock`` turns
them back into ZCTextIndex's ``OkapiIndex`` with its dict postings for words
with fewer than ten documents, as a site before 1015 has them. The seeded
templates are shared with ``bench.run`` and may have been seeded either way.
"""

from BTrees.IIBTree import IIBTree
from collective.servicedesk.search.postings import convert
from collective.servicedesk.search.postings import text_indexes
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from zope.component.hooks import setSite
import os
import sys
import transaction

app = globals()["app"]  # provided by zconsole
site = app[os.environ.get("SERVICEDESK_SITE_ID", "Plone")]
setSite(site)
catalog = site.portal_catalog


def to_stock() -> dict:
    done = {}
    for name, zctextindex in text_indexes(catalog).items():
        okapi = getattr(zctextindex, "index", None)
        if not isinstance(okapi, OkapiIndex):
            continue
        okapi._p_activate()
        okapi.__class__ = OkapiIndex
        okapi._p_changed = True
        zctextindex._index_factory = OkapiIndex
        count = 0
        for wid, postings in list(okapi._wordinfo.items()):
            if isinstance(postings, IIBTree) and len(postings) < OkapiIndex.DICT_CUTOFF:
                okapi._wordinfo[wid] = dict(postings.items())
                count += 1
        done[name] = count
    return done


kind = os.environ.get("BENCH_INDEX", "concurrent")
done = to_stock() if kind == "stock" else convert(catalog)
print(f"[convert] {kind}: {done}", file=sys.stderr, flush=True)
transaction.commit()
