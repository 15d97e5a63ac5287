"""Rendered workspace panels, reused while nothing they show can have changed.

The panels cost about a sixth of every staff page (S7, issue 19) although
what they show changes far less often than pages are viewed. A panel's HTML
is kept per site, panel, place and user (the slot), under a key of what it is
made of: the catalogue's counter (it grows with every index operation, in
every instance of the cluster), the minute (due dates, duty plans, presence
and settings move with the clock), the language, the site's URL and what
each panel adds (unread count, own availability). A user only ever gets back
HTML rendered for that same user: the slot is the user's own and the key
must match in full. The page's own URL and the CSRF
token are put in after the cache (``personalize``).

Kept in plone.memoize's RAM cache, one entry per slot (an old key is dropped
when a new one is stored), so the usual "clear the RAM cache" clears it.
"""

from html import escape
from plone.memoize.ram import global_cache

# Stand for the page's URL (forms send it back as came_from) and for the CSRF
# token (plone.protect signs with a random key of its ring: it differs on
# every call) in a kept panel; both are put in for each page.
CAME_FROM = "sd-ws-came-from-3f9c2e"
TOKEN = "sd-ws-token-7d41a0"
NAMESPACE = "collective.servicedesk.workspace.fragments"


def get(slot: tuple, key: tuple) -> str | None:
    """The HTML kept for this slot if it was rendered under the same key."""
    return global_cache.query((NAMESPACE, *slot), {"key": key})


def put(slot: tuple, key: tuple, html: str) -> None:
    """Keep `html` for the slot, dropping what was kept under an older key."""
    ob = (NAMESPACE, *slot)
    global_cache.invalidate(ob)
    global_cache.set(html, ob, {"key": key})


def personalize(html: str, url: str, token: str) -> str:
    """The kept HTML with this page's URL and a fresh CSRF token put in."""
    return html.replace(CAME_FROM, escape(url, quote=True)).replace(
        TOKEN, escape(token, quote=True)
    )
