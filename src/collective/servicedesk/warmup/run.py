"""The warm-up: load the catalogue indexes, run the whole-year statistics.

It runs in a thread of its own when the process starts (SERVICEDESK_WARMUP=1),
on a connection of its own that it aborts at the end: it writes nothing to the
ZODB. What it loads lands in RelStorage's shared pickle cache (and, with
``cache-local-dir``, in the cache files written at shutdown). The statistics
are then run once more on an emptied object cache, so that the connection,
which goes back to the pool for the first request, holds what they need, and
so that their working set can be held against ``cache-size`` (logged, with a
warning when it does not fit).
"""

from collective.servicedesk import logger
from collective.servicedesk.statistics.compute import compute
from collective.servicedesk.statistics.filters import parse
from collective.servicedesk.warmup import state
from datetime import date
from datetime import timedelta
from plone.base.interfaces import IPloneSiteRoot
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import setRequest
import signal
import threading
import time
import transaction

# Index types whose trees statistics, queues and facets walk; the full-text
# and path indexes are left to the requests that need them.
WARM_INDEX_TYPES = {
    "FieldIndex",
    "KeywordIndex",
    "DateIndex",
    "BooleanIndex",
    "DateRangeIndex",
}


def _is_btrees(kind: type) -> bool:
    """True for BTrees' classes and subclasses of them (the lean trees)."""
    return any(base.__module__.startswith("BTrees") for base in kind.__mro__)


def _persistent_children(state, found: list) -> None:
    """The BTrees objects (buckets, subtrees, tree sets) referenced in a state."""
    if isinstance(state, tuple):
        for item in state:
            _persistent_children(item, found)
    elif getattr(state, "_p_oid", None) is not None and _is_btrees(type(state)):
        found.append(state)


def load_tree(tree) -> int:
    """Load a BTree with everything BTrees-made below it; count the objects.

    Level by level, each level fetched in one round trip (``prefetch``) instead
    of one query per bucket: tens of thousands of buckets in seconds.
    """
    jar = tree._p_jar
    level, seen, loaded = [tree], set(), 0
    while level:
        if jar is not None:
            jar.prefetch(level)
        following = []
        for node in level:
            if node._p_oid in seen:
                continue
            seen.add(node._p_oid)
            node._p_activate()
            loaded += 1
            _persistent_children(node.__getstate__(), following)
        level = following
    return loaded


def load_indexes(catalog) -> dict[str, int]:
    """{index id: objects loaded} for the index types in WARM_INDEX_TYPES.

    The metadata records (``catalog.data``, what every listing's brains read)
    are loaded too, under the name ``metadata``.
    """
    walked = {"metadata": load_tree(catalog._catalog.data)}
    for name, index in catalog._catalog.indexes.items():
        if getattr(index, "meta_type", "") not in WARM_INDEX_TYPES:
            continue
        count = 0
        for attribute in ("_index", "_unindex", "_since_only", "_until_only"):
            tree = getattr(index, attribute, None)
            if tree is not None:
                count += load_tree(tree)
        walked[name] = count
    return walked


def statistics_once(today: date | None = None) -> int:
    """The whole-year statistics (as S5 asks for them); return the total."""
    end = today or date.today()
    form = {
        "start": (end - timedelta(days=365)).isoformat(),
        "end": end.isoformat(),
        "period": "week",
    }
    return compute(parse(form, today=end))["total"]


def servicedesk_sites(app) -> list:
    """The Plone sites of the root folder that have the service desk installed."""
    return [
        site
        for site in app.objectValues()
        if IPloneSiteRoot.providedBy(site)
        and "portal_catalog" in site.objectIds()
        and "servicedesk_text" in site.portal_catalog.indexes()
    ]


def warm(db) -> dict:
    """Warm every service desk site of ``db``; abort, so nothing is written."""
    started = time.perf_counter()
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    result: dict = {"sites": {}}
    try:
        manager.begin()
        app = makerequest(connection.root()["Application"])
        setRequest(app.REQUEST)
        for site in servicedesk_sites(app):
            setSite(site)
            site_started = time.perf_counter()
            walked = load_indexes(site.portal_catalog)
            total = statistics_once()
            result["sites"][site.getId()] = {
                "indexes": len(walked),
                "entries": sum(walked.values()),
                "inquiries_in_year": total,
                "seconds": round(time.perf_counter() - site_started, 2),
            }
        # What the statistics themselves need: the index walk above loaded far
        # more (every field, date and keyword index; over a million objects at
        # 100 000 inquiries). Ghost it all and count what one more run of the
        # statistics loads back, from RelStorage's cache, which the walk filled.
        connection.cacheMinimize()
        for site in servicedesk_sites(app):
            setSite(site)
            statistics_once()
        result["cache"] = cache_fill(connection)
        result["changed_objects"] = len(connection._registered_objects)
    finally:
        setSite(None)
        clearRequest()
        manager.abort()
        connection.close()
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def cache_fill(connection) -> dict:
    """How many objects the statistics keep in the object cache, against its size.

    At the end of each transaction ZODB shrinks a connection's object cache to
    ``cache-size`` objects. When the whole-year statistics read more, the
    shrink throws part of it away and every later report loads it again: at
    100 000 inquiries they read 194 245 objects, and took 3.0-4.0 s each with
    the default of 30 000 against 0.4-0.7 s with 300 000 (issue 19,
    docs/reference/benchmarks-upkeep.md).
    """
    cache = connection._cache
    return {
        "objects": int(cache.cache_non_ghost_count),
        "cache_size": int(cache.cache_size),
    }


def cache_advice(fill: dict) -> str:
    """The warning to log when the object cache is too small, else ""."""
    if fill["objects"] <= fill["cache_size"]:
        return ""
    wanted = -(-fill["objects"] * 5 // 4 // 10000) * 10000
    return (
        f"The whole-year statistics read {fill['objects']} objects but the object "
        f"cache keeps {fill['cache_size']} per connection: they will load the rest "
        f"again on every request. Set cache-size to at least {wanted} "
        "(SERVICEDESK_CACHE_SIZE; docs/how-to/production-tuning.md)."
    )


def warm_and_report(db) -> None:
    """Run the warm-up and record the outcome for the readiness view."""
    state.set_phase("warming")
    try:
        result = warm(db)
    except Exception as error:  # a failed warm-up must not keep the instance out
        logger.exception("Warm-up failed; serving cold")
        state.set_phase("failed", error=repr(error)[:200])
        return
    logger.info(
        "Warm-up done in %s s: %s; object cache %s",
        result["seconds"],
        result["sites"],
        result["cache"],
    )
    advice = cache_advice(result["cache"])
    if advice:
        logger.warning(advice)
    state.set_phase(
        "ready",
        seconds=result["seconds"],
        cache_objects=result["cache"]["objects"],
        cache_size=result["cache"]["cache_size"],
    )


def persistent_cache(db) -> str:
    """RelStorage's ``cache-local-dir`` of ``db``, or ""."""
    options = getattr(db.storage, "_options", None)
    return getattr(options, "cache_local_dir", None) or ""


def stop_cleanly_on_sigterm() -> bool:
    """Let SIGTERM end the server like Ctrl-C, so the databases are closed.

    RelStorage writes its persistent cache when the database closes; runwsgi
    closes it on SystemExit or KeyboardInterrupt, but SIGTERM (systemd,
    supervisor, docker stop) would kill the process before. Only done when no
    handler is set yet, and only in the main thread.
    """
    if threading.current_thread() is not threading.main_thread():
        return False
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return False

    def leave(signum, frame):
        raise SystemExit(f"signal {signum}")

    signal.signal(signal.SIGTERM, leave)
    return True


def process_starting(event) -> None:
    """IProcessStarting: keep the cache at shutdown; SERVICEDESK_WARMUP=1 warms up."""
    import Zope2

    db = Zope2.DB
    if db is not None and persistent_cache(db):
        stop_cleanly_on_sigterm()
    if not state.enabled():
        return
    state.set_phase("warming")
    threading.Thread(
        target=warm_and_report, args=(db,), name="servicedesk-warmup", daemon=True
    ).start()
