"""In-process baselines of ``make bench``; run by ``zconsole run`` on the database.

BENCH_INPUT names a JSON file: {"mode": ..., "repeat": n, ...}; the timings go
to BENCH_OUTPUT as JSON. Modes:

- ``queries`` (S4): the catalog queries behind free-text search and the
  queues, as the given user, evaluated in this process: no HTTP, no
  publisher, no serialisation. ``{"cases": [{"name", "user", "kind", "text"}]}``
- ``counts`` (S5): the index-level count baseline: the inquiries per value of
  each statistics dimension straight from the catalog's forward indexes.
- ``raw`` (S1): a raw ZODB commit of one small persistent object per
  transaction, on this same storage.
- ``verify`` (S2): which of the given paths exist with the given title.
- ``mail``: deliver the site's mail to this run's SMTP sink.
"""

from AccessControl.SecurityManagement import newSecurityManager
from BTrees.IIBTree import intersection
from persistent.mapping import PersistentMapping
from zope.component.hooks import setSite
import json
import os
import time
import transaction

app = globals()["app"]  # provided by zconsole
SITE_ID = os.environ.get("SERVICEDESK_SITE_ID", "Plone")


def as_user(site, user_id: str) -> None:
    """Search with this staff member's roles and groups."""
    users = site.acl_users
    newSecurityManager(None, users.getUserById(user_id).__of__(users))


def timed(function, repeat: int) -> list[float]:
    function()  # warm the caches, as the served requests are after warm-up
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        seconds.append(time.perf_counter() - started)
        transaction.abort()
    return seconds


def query_case(site, case: dict):
    """The catalog query of one S4 case, as a callable."""
    from collective.servicedesk.queues import queries
    from collective.servicedesk.search.api import _run
    from collective.servicedesk.search.api import searched_types

    desk_path = "/".join(site["service-desk"].getPhysicalPath())
    if case["kind"] == "search":

        def run():
            hits = _run({"portal_type": searched_types()}, case["text"], "AND") or []
            return len(hits), [brain.getURL() for brain in hits[:20]]

    else:
        from collective.servicedesk.services.queue.get import unit_ids
        from plone import api

        def run():
            user = api.user.get_current()
            if case["kind"] == "mine":
                query = queries.my_open_query(user.getId(), desk_path)
            else:
                query = queries.unit_queue_query(unit_ids(user), desk_path)
            brains = queries.search(query)
            return len(brains), [brain.getURL() for brain in brains[:25]]

    return run


def run_queries(site, spec: dict) -> dict:
    results = {}
    for case in spec["cases"]:
        as_user(site, case["user"])
        run = query_case(site, case)
        results[case["name"]] = {
            "seconds": timed(run, spec["repeat"]),
            "hits": run()[0],
        }
    return results


def run_counts(site, spec: dict) -> dict:
    """Inquiries per value of each dimension, from the forward indexes only."""
    catalog = site.portal_catalog._catalog
    indexes = (
        "inquiry_category",
        "inquiry_channel",
        "responsible_unit",
        "review_state",
    )

    def count():
        inquiries = catalog.getIndex("portal_type")._index["Inquiry"]
        totals = {}
        for name in indexes:
            forward = catalog.getIndex(name)._index
            totals[name] = {
                value: len(intersection(rids, inquiries))
                for value, rids in forward.items()
            }
        return totals

    return {"counts": {"seconds": timed(count, spec["repeat"]), "hits": len(count())}}


def run_raw(site, spec: dict) -> dict:
    """Commit one new small object per transaction (the storage's own floor)."""
    root = app._p_jar.root()
    if "bench_raw" not in root:
        root["bench_raw"] = PersistentMapping()
        transaction.commit()
    box = root["bench_raw"]
    seconds = []
    for n in range(spec["repeat"]):
        started = time.perf_counter()
        box[f"{time.time()}-{n}"] = PersistentMapping({"n": n})
        transaction.commit()
        seconds.append(time.perf_counter() - started)
    del root["bench_raw"]
    transaction.commit()
    return {"raw": {"seconds": seconds}}


def run_verify(site, spec: dict) -> dict:
    """Paths (from the acknowledged answers) that are missing or changed."""
    missing = []
    for path, title in spec["items"]:
        try:
            obj = app.unrestrictedTraverse(path)
        except (KeyError, AttributeError):
            missing.append(path)
            continue
        if obj.title != title or not getattr(obj, "reference_number", None):
            missing.append(path)
    return {"verify": {"checked": len(spec["items"]), "missing": missing}}


def _persistent_parts(name: str, obj, found: dict, targets: set, depth: int = 0):
    """Record which named structure each target oid belongs to (trees, buckets)."""
    oid = getattr(obj, "_p_oid", None)
    if oid in targets:
        found[oid] = f"{name} ({type(obj).__name__})"
    bucket = getattr(obj, "_firstbucket", None)
    while bucket is not None:
        if bucket._p_oid in targets:
            found[bucket._p_oid] = f"{name} bucket ({type(bucket).__name__})"
        bucket = bucket._next
    if depth == 0 and hasattr(obj, "items"):
        try:
            values = list(obj.items())
        except TypeError:
            return
        if len(values) <= 500:  # the value -> record set trees of a forward index
            for key, value in values:
                if hasattr(value, "_p_oid"):
                    _persistent_parts(f"{name}[{key!r}]", value, found, targets, 1)


def run_hot(site, spec: dict) -> dict:
    """Name the structures behind conflicting oids (hex strings)."""
    from ZODB.utils import p64
    from zope.annotation.interfaces import IAnnotations
    from zope.component import queryUtility
    from zope.intid.interfaces import IIntIds

    targets = {p64(int(oid, 16)): oid for oid in spec["oids"]}
    found: dict = {}
    catalog = site.portal_catalog
    parts = [
        ("catalog.uids", catalog._catalog.uids),
        ("catalog.paths", catalog._catalog.paths),
        ("catalog.data", catalog._catalog.data),
    ]
    for name, index in catalog._catalog.indexes.items():
        for attr in ("_index", "_unindex", "_length", "_index_parents", "_index_items"):
            if hasattr(index, attr):
                parts.append((f"index {name}.{attr}", getattr(index, attr)))
        inner = getattr(index, "index", None)
        for attr in ("_wordinfo", "_docweight", "_docwords"):
            if inner is not None and hasattr(inner, attr):
                parts.append((f"index {name}.{attr}", getattr(inner, attr)))
    for lexicon in catalog.objectValues():
        for attr in ("_wids", "_words"):
            if hasattr(lexicon, attr):
                parts.append((f"{lexicon.getId()}.{attr}", getattr(lexicon, attr)))
    desk = site["service-desk"]
    parts += [("desk._tree", desk._tree), ("desk._mt_index", desk._mt_index)]
    intids = queryUtility(IIntIds)
    if intids is not None:
        parts += [("intids.ids", intids.ids), ("intids.refs", intids.refs)]
    for key, value in IAnnotations(site).items():
        parts.append((f"site annotation {key}", value))
    for name, obj in parts:
        _persistent_parts(name, obj, found, set(targets))
    for oid in targets:
        if oid not in found:
            try:
                found[oid] = type(app._p_jar.get(oid)).__name__
            except Exception:  # noqa: BLE001 - a removed object
                found[oid] = "?"
    return {"hot": {targets[oid]: where for oid, where in found.items()}}


def run_mail(site, spec: dict) -> dict:
    """Send the site's mail to this run's SMTP sink (Plone reads the registry)."""
    from plone import api

    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", int(spec["port"]))
    api.portal.set_registry_record("plone.email_from_address", "desk@bench.no")
    api.portal.set_registry_record("plone.email_from_name", "Servicetorget")
    transaction.commit()
    return {"mail": {"port": spec["port"]}}


MODES = {
    "mail": run_mail,
    "queries": run_queries,
    "counts": run_counts,
    "raw": run_raw,
    "verify": run_verify,
    "hot": run_hot,
}


def main() -> None:
    spec = json.loads(open(os.environ["BENCH_INPUT"]).read())  # noqa: SIM115
    site = app[SITE_ID]
    setSite(site)
    result = MODES[spec["mode"]](site, spec)
    with open(os.environ["BENCH_OUTPUT"], "w") as out:
        json.dump(result, out)


main()
