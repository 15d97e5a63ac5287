"""S7 in-process: function calls of the front page with and without the panels.

Run inside a configured instance (``zconsole run etc/zope.conf
bench/panelprofile.py``) on a seeded database. cProfile's call counts do not
depend on the machine's load, unlike S7's wall-clock figures. Environment:
BENCH_PROFILE_USER (a front-desk account), BENCH_PROFILE_REPEAT, BENCH_PROFILE_TOP,
BENCH_PROFILE_PATHS (further pages, comma-separated, e.g. service-desk/unit-queue).
"""

from AccessControl.SecurityManagement import newSecurityManager
from collective.servicedesk.interfaces import IServiceDeskLayer
from plone.browserlayer.utils import registered_layers
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.component import queryUtility
from zope.component.hooks import setSite
from zope.interface import alsoProvides
from zope.publisher.interfaces.browser import IBrowserSkinType
import cProfile
import io
import os
import pstats
import time
import transaction

app = globals()["app"]  # provided by zconsole
SITE_ID = os.environ.get("SERVICEDESK_SITE_ID", "Plone")
PANELS = ("quickbar", "queue", "presence", "messages")


def render(site):
    request = site.REQUEST
    request.other.pop("plone.memoize.instance", None)
    request.other.pop("collective.servicedesk.workspace.placements", None)
    for key in list(getattr(request, "__annotations__", {}) or {}):
        request.__annotations__.pop(key, None)
    view = site.restrictedTraverse("@@" + (site.getLayout() or site.getDefaultLayout()))
    return view()


def measure(site, enabled: bool, repeat: int, top: int) -> dict:
    registry = getUtility(IRegistry)
    for panel in PANELS:
        registry[f"collective.servicedesk.workspace.{panel}_enabled"] = enabled
    html = render(site)  # warm
    profile = cProfile.Profile()
    started = time.process_time()
    profile.enable()
    for _ in range(repeat):
        render(site)
    profile.disable()
    cpu = (time.process_time() - started) / repeat
    stats = pstats.Stats(profile)
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("tottime").print_stats(top)
    return {
        "calls_per_page": stats.total_calls / repeat,
        "cpu_ms_per_page": cpu * 1000,
        "marker": "sd-ws-queue" in html,
        "bytes": len(html),
        "top": out.getvalue(),
        "stats": stats,
    }


def profile_path(site, path: str, repeat: int, top: int) -> None:
    """Calls and CPU per rendering of another staff page (BENCH_PROFILE_PATHS)."""
    request = site.REQUEST
    if "{inquiry}" in path:  # an inquiry the user may see
        brain = site.portal_catalog(portal_type="Inquiry", sort_limit=1)[0]
        path = path.replace("{inquiry}", brain.getPath().split("/", 2)[2])
    path, _, query = path.partition("?")
    for pair in filter(None, query.split("&")):
        key, _, value = pair.partition("=")
        request.form[key] = value

    def page():
        request.other.pop("collective.servicedesk.workspace.placements", None)
        return site.restrictedTraverse(path)()

    page()
    profile = cProfile.Profile()
    started = time.process_time()
    profile.enable()
    for _ in range(repeat):
        page()
    profile.disable()
    cpu = (time.process_time() - started) / repeat * 1000
    stats = pstats.Stats(profile)
    print(f"[{path}] calls/page {stats.total_calls / repeat:.0f} cpu {cpu:.1f} ms")
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("cumulative").print_stats("servicedesk", top)
    print(out.getvalue())
    request.form.clear()


def main() -> None:
    site = app[SITE_ID]
    setSite(site)
    request = site.REQUEST
    alsoProvides(request, IServiceDeskLayer, *registered_layers())
    theme = queryUtility(IBrowserSkinType, name=site.portal_skins.getDefaultSkin())
    if theme is not None:
        alsoProvides(request, theme)
    users = site.acl_users
    user_id = os.environ.get("BENCH_PROFILE_USER", "staff001")
    newSecurityManager(request, users.getUserById(user_id).__of__(users))
    repeat = int(os.environ.get("BENCH_PROFILE_REPEAT", "20"))
    top = int(os.environ.get("BENCH_PROFILE_TOP", "25"))
    off = measure(site, False, repeat, top)
    on = measure(site, True, repeat, top)
    for name, result in (("off", off), ("on", on)):
        print(
            f"[{name}] calls/page {result['calls_per_page']:.0f} "
            f"cpu {result['cpu_ms_per_page']:.1f} ms bytes {result['bytes']} "
            f"panels {result['marker']}"
        )
    print(on["top"])
    for path in filter(None, os.environ.get("BENCH_PROFILE_PATHS", "").split(",")):
        profile_path(site, path, repeat, top)
    dump = os.environ.get("BENCH_PROFILE_DUMP")
    if dump:
        on["stats"].dump_stats(dump)
    transaction.abort()


main()
