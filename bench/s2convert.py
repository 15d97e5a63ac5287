"""Convert a bench site's text indexes to ``ConcurrentOkapiIndex`` (the 1015 upgrade).

Run by ``zconsole run`` (``bench.s2scale --convert``): the seeded templates are
shared with ``bench.run`` and may predate the conversion.
"""

from collective.servicedesk.search.postings import convert
from zope.component.hooks import setSite
import os
import transaction

app = globals()["app"]  # provided by zconsole
site = app[os.environ.get("SERVICEDESK_SITE_ID", "Plone")]
setSite(site)
print("[convert]", convert(site.portal_catalog), flush=True)
transaction.commit()
