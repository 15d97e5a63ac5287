"""Links stored without a request (tick, after-commit workers) point to ``nohost``.

Notices and messages keep the absolute URL they were built with. Built in a
scheduled job, that URL is ``http://nohost/<site>/…``; ``rebase`` turns it into
the site's real URL of the current request when the link is shown.
"""

from plone import api
from urllib.parse import urlsplit

NO_HOST = "nohost"


def rebase(url: str | None) -> str | None:
    """``url`` on the current site URL if it was built outside a request."""
    if not url:
        return url
    parts = urlsplit(url)
    if parts.hostname != NO_HOST:
        return url
    portal = api.portal.get()
    site_path = "/".join(portal.getPhysicalPath())
    if parts.path != site_path and not parts.path.startswith(site_path + "/"):
        return url
    rebased = portal.absolute_url() + parts.path[len(site_path) :]
    if parts.query:
        rebased += "?" + parts.query
    if parts.fragment:
        rebased += "#" + parts.fragment
    return rebased
