"""S1 in-process: where one registration's time goes, and what it loads.

Run inside a configured instance (``zconsole run etc/zope.conf
bench/regprofile.py``) on a seeded database. Registers inquiries through the
registration use case (the code behind ``@servicedesk-register``), one
transaction each, as a front-desk account, and reports per registration:
wall and CPU time, objects loaded from the storage and objects stored (ZODB's
transfer counts, which do not depend on the machine's load), split into
validating, creating (in the desk's turn) and committing. Environment:
BENCH_PROFILE_USER (a front-desk account; default the first agent),
BENCH_PROFILE_REPEAT (registrations measured, after BENCH_PROFILE_WARM ones),
BENCH_PROFILE_TOP, BENCH_PROFILE_DUMP (a pstats file), BENCH_PROFILE_KEEP
(commit the registrations; by default each is rolled back).
"""

from AccessControl.SecurityManagement import newSecurityManager
from bench.scenarios import inquiry_body
from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.registration import usecase
from plone.browserlayer.utils import registered_layers
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from zope.interface import alsoProvides
import cProfile
import io
import os
import pstats
import statistics
import time
import transaction

app = globals()["app"]  # provided by zconsole
SITE_ID = os.environ.get("SERVICEDESK_SITE_ID", "Plone")


def agent_id(site) -> str:
    wanted = os.environ.get("BENCH_PROFILE_USER")
    if wanted:
        return wanted
    group = site.portal_groups.getGroupById("servicedesk-frontdesk")
    return sorted(group.getGroupMemberIds())[0]


def counts(connection) -> tuple[int, int]:
    """Objects loaded and stored on this connection since the last call."""
    return connection.getTransferCounts(clear=True)


def register_once(site, desk, n: int, keep: bool, profile=None) -> dict:
    connection = site._p_jar
    counts(connection)
    body = inquiry_body(10_000 + n)
    wall, cpu = time.perf_counter(), time.process_time()
    if profile is not None:
        profile.enable()
    clean, errors = usecase.validate(body, desk)
    if errors:
        raise RuntimeError(f"registration refused: {errors}")
    validated = time.perf_counter()
    usecase.register(desk, clean)
    created = time.perf_counter()
    loads_before_commit, _ = counts(connection)
    if keep:
        transaction.commit()
    else:
        transaction.abort()
    if profile is not None:
        profile.disable()
    done = time.perf_counter()
    loads_commit, stores = counts(connection)
    return {
        "validate": (validated - wall) * 1000,
        "create": (created - validated) * 1000,
        "commit": (done - created) * 1000,
        "wall": (done - wall) * 1000,
        "cpu": (time.process_time() - cpu) * 1000,
        "loads": loads_before_commit + loads_commit,
        "stores": stores,
    }


def main() -> None:
    site = app[SITE_ID]
    setSite(site)
    request = site.REQUEST
    setRequest(request)
    alsoProvides(request, IServiceDeskLayer, *registered_layers())
    users = site.acl_users
    user = agent_id(site)
    newSecurityManager(request, users.getUserById(user).__of__(users))
    desk = site["service-desk"]
    repeat = int(os.environ.get("BENCH_PROFILE_REPEAT", "30"))
    warm = int(os.environ.get("BENCH_PROFILE_WARM", "5"))
    top = int(os.environ.get("BENCH_PROFILE_TOP", "30"))
    keep = os.environ.get("BENCH_PROFILE_KEEP", "0") not in ("", "0")
    for n in range(warm):
        register_once(site, desk, n, keep)
    profile = cProfile.Profile()
    rows = [
        register_once(site, desk, warm + n, keep, profile if n % 2 else None)
        for n in range(repeat)
    ]
    catalog = site.portal_catalog
    print(
        f"[registration] {len(catalog._catalog)} catalogued, user {user}, "
        f"{repeat} measured after {warm}, {'kept' if keep else 'rolled back'}; "
        f"cache-size {site._p_jar._cache.cache_size}"
    )
    plain = rows[0::2]  # without the profiler
    for key in ("validate", "create", "commit", "wall", "cpu", "loads", "stores"):
        values = [row[key] for row in plain]
        print(
            f"  {key:8} p50 {statistics.median(values):8.1f}  "
            f"max {max(values):8.1f}  mean {statistics.mean(values):8.1f}"
        )
    stats = pstats.Stats(profile)
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("cumulative").print_stats(top)
    print(out.getvalue())
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("tottime").print_stats(top)
    print(out.getvalue())
    dump = os.environ.get("BENCH_PROFILE_DUMP")
    if dump:
        stats.dump_stats(dump)
    transaction.abort()


main()
