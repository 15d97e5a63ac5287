"""Lean writes (issue 19): what one REST registration appends to a FileStorage.

``python -m bench.writes [-n 100] [--json PATH]`` sets up the functional test
layer (a Plone site with the service desk, served over HTTP by a WSGI thread),
registers ``n`` inquiries over REST as the demo front-desk agent, and copies
every transaction those requests committed into a fresh ``FileStorage``. The
growth of that ``Data.fs`` is the figure: bytes appended per registration,
transactions per registration and the objects written per class. None of it
depends on the speed of the machine.

``tests/bench/test_writes.py`` asserts a budget with the same code.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from ZODB.FileStorage import FileStorage
from ZODB.utils import get_pickle_metadata
import argparse
import json
import os
import tempfile
import time

# The targets (issue 19, deliverable 3); the test asserts its own budget.
BYTES_PER_REGISTRATION = 64 * 1024
TRANSACTIONS_PER_REGISTRATION = 1


def storage_changes(db):
    """The storage whose iterator yields the transactions committed in this layer."""
    return db.storage


def last_tid(storage) -> bytes:
    return storage.lastTransaction()


def appended(storage, after: bytes, path: Path, owners: dict | None = None) -> dict:
    """Copy the transactions after ``after`` into a new FileStorage at ``path``.

    Returns bytes appended (Data.fs size minus the empty file's), transactions,
    data records, and bytes and records per class of object.
    """
    records = list(_transactions_after(storage, after))
    fs = FileStorage(str(path), create=True)
    try:
        empty = fs.getSize()
        fs.copyTransactionsFrom(_Replay(records))
        size = fs.getSize() - empty
    finally:
        fs.close()
    by_class: Counter = Counter()
    count_class: Counter = Counter()
    by_owner: Counter = Counter()
    objects = []
    kinds: Counter = Counter()
    for _tid, _meta, data in records:
        objects.append(len(data))
        kinds[_kind({_class_name(pickle) for _oid, pickle in data})] += 1
        for oid, pickle in data:
            name = _class_name(pickle)
            record = len(pickle or b"") + 42  # FileStorage's record header
            by_class[name] += record
            count_class[name] += 1
            by_owner[owners.get(oid, name) if owners else name] += record
    return {
        "bytes": size,
        "transactions": len(records),
        "objects": sum(objects),
        "objects_per_transaction": objects,
        "transactions_by_kind": dict(kinds),
        "bytes_by_class": dict(by_class.most_common()),
        "objects_by_class": dict(count_class.most_common()),
        "bytes_by_structure": dict(by_owner.most_common()),
        "descriptions": [
            meta["description"].decode("utf-8", "replace")[:80]
            for _t, meta, _d in records[:8]
        ],
    }


def catalogue_owners(db, site_id: str = "plone") -> dict:
    """oid -> "catalog structure" for every BTree node of the site's catalogue."""
    from Acquisition import aq_base
    from ZODB.serialize import referencesf

    conn = db.open()
    try:
        catalog = conn.root()["Application"][site_id].portal_catalog._catalog
        roots = {}
        for attr in ("data", "paths", "uids", "_length"):
            roots[f"catalog.{attr}"] = getattr(catalog, attr, None)
        site = conn.root()["Application"][site_id]
        tool = site.portal_catalog
        roots.update(_other_trees(site))
        for lexicon in tool.objectValues():
            if hasattr(lexicon, "_wids"):
                lexicon._p_activate()  # vars() of a ghost is empty
                for attr, value in vars(aq_base(lexicon)).items():
                    roots[f"{lexicon.getId()}.{attr}"] = value
        for name in catalog.indexes:
            index = aq_base(catalog.getIndex(name))
            index._p_activate()
            parts = dict(vars(index))
            inner = parts.get("index")
            if inner is not None and hasattr(inner, "_p_activate"):
                inner._p_activate()
                parts.update({f"index.{k}": v for k, v in vars(inner).items()})
            for attr, value in parts.items():
                roots[f"{name}.{attr}"] = value
        owners: dict = {}
        storage = db.storage
        for label, value in roots.items():
            oid = getattr(value, "_p_oid", None)
            if not isinstance(oid, bytes):
                continue
            todo = [oid]
            while todo:
                current = todo.pop()
                if current in owners:
                    continue
                pickle, _serial = storage.load(current)
                if not _class_name(pickle).startswith(TREE_MODULES):
                    continue
                owners[current] = label
                todo.extend(referencesf(pickle))
        return owners
    finally:
        conn.close()


def footprint(db, owners: dict) -> dict:
    """Objects and bytes a full walk of the catalogue's trees loads (total, per tree).

    What the statistics and the warm-up read: every BTree node of the
    catalogue, its lexicons and the intid utility (``catalogue_owners``).
    """
    objects: Counter = Counter()
    size: Counter = Counter()
    for oid, label in owners.items():
        pickle, _serial = db.storage.load(oid)
        objects[label] += 1
        size[label] += len(pickle)
    return {
        "objects": sum(objects.values()),
        "bytes": sum(size.values()),
        "objects_by_structure": dict(objects.most_common()),
        "bytes_by_structure": dict(size.most_common()),
    }


def _other_trees(site) -> dict:
    """The BTrees outside the catalogue that a registration writes to."""
    from Acquisition import aq_base

    roots = {}
    intids = site.getSiteManager().queryUtility(_intids_interface())
    if intids is not None:
        for attr in ("ids", "refs"):
            roots[f"intids.{attr}"] = getattr(aq_base(intids), attr, None)
    desk = aq_base(site).__dict__.get("desk")
    if desk is not None:
        desk._p_activate()
        for attr in ("_tree", "_mt_index"):
            roots[f"desk.{attr}"] = getattr(desk, attr, None)
    return roots


def _intids_interface():
    from zope.intid.interfaces import IIntIds

    return IIntIds


# The catalogue's trees: BTrees' own and the lean ones (search/leaves.py).
TREE_MODULES = ("BTrees.", "collective.servicedesk.search.leaves.")
INQUIRY_CLASS = "collective.servicedesk.content.inquiry.Inquiry"
COUNTER_CLASS = "collective.servicedesk.content.reference.ReferenceCounters"


def _kind(classes: set) -> str:
    """What a transaction was: the registration, its reference number, or other."""
    if INQUIRY_CLASS in classes:
        return "registration"
    if classes == {COUNTER_CLASS}:
        return "reference number"
    return "other"


def _class_name(pickle: bytes | None) -> str:
    if not pickle:
        return "(no data)"
    module, name = get_pickle_metadata(pickle)
    return f"{module}.{name}"


def _transactions_after(storage, after: bytes):
    for txn in storage.iterator():
        if txn.tid <= after:
            continue
        meta = {
            "user": txn.user,
            "description": txn.description,
            "extension": txn.extension,
            "extension_bytes": getattr(txn, "extension_bytes", b""),
            "status": txn.status,
        }
        yield txn.tid, meta, [(r.oid, r.data) for r in txn]


class _Record:
    def __init__(self, oid, tid, data):
        self.oid, self.tid, self.data = oid, tid, data
        self.data_txn = None
        self.version = ""


class _Txn:
    def __init__(self, tid, meta, data):
        self.tid = tid
        self.status = meta["status"]
        self.user = meta["user"]
        self.description = meta["description"]
        self.extension = meta["extension"]
        self.extension_bytes = meta["extension_bytes"]
        self._records = [_Record(oid, tid, pickle) for oid, pickle in data]

    def __iter__(self):
        return iter(self._records)


class _Replay:
    """The recorded transactions, as FileStorage.copyTransactionsFrom reads them."""

    def __init__(self, records):
        self._txns = [_Txn(*record) for record in records]

    def iterator(self):
        return iter(self._txns)


def register(session, desk_url: str, n: int, offset: int = 0) -> list[str]:
    """POST ``n`` registrations; return their URLs (raise on any answer but 201)."""
    from bench.scenarios import inquiry_body

    urls = []
    for i in range(offset, offset + n):
        response = session.post(
            f"{desk_url}/@servicedesk-register", json=inquiry_body(i)
        )
        if response.status_code != 201:
            raise RuntimeError(f"{response.status_code}: {response.text[:500]}")
        urls.append(response.json()["@id"])
    return urls


def measure(db, session, desk_url: str, n: int, warm: int = 5) -> dict:
    """Register ``warm`` then ``n`` inquiries; the figures of the ``n``.

    The catalogue's BTrees must hold a few hundred inquiries before the figure
    means anything: in an empty site each small tree is one inline bucket that
    is rewritten whole, in a large one a write touches a fuller leaf bucket.
    """
    register(session, desk_url, warm, offset=10_000)
    before = last_tid(storage_changes(db))
    started = time.perf_counter()
    register(session, desk_url, n)
    seconds = time.perf_counter() - started
    owners = catalogue_owners(db)
    with tempfile.TemporaryDirectory() as tmp:
        result = appended(storage_changes(db), before, Path(tmp) / "Data.fs", owners)
    result["catalogue"] = footprint(db, owners)
    result["registrations"] = n
    result["bytes_per_registration"] = round(result["bytes"] / n)
    result["transactions_per_registration"] = round(result["transactions"] / n, 2)
    result["objects_per_registration"] = round(result["objects"] / n, 1)
    result["seconds"] = round(seconds, 2)
    result["seeded"] = warm
    result["before_tid"] = before.hex()
    return result


# --- RelStorage (PostgreSQL on 127.0.0.1) ---------------------------------------

RELSTORAGE_DATABASE = "servicedesk_writes"


def relstorage_appended(db, after: bytes, n: int, database: str = RELSTORAGE_DATABASE):
    """Bytes the measured transactions add to RelStorage, with and without history.

    For each mode a fresh database ``<database>_hp`` / ``_hf`` gets every
    transaction up to ``after`` (all layers of the test stack), then the
    measured ones. The figures: growth of the database's relations
    (``pg_total_relation_size``: heap, TOAST, indexes; history-free rewrites
    leave dead row versions until autovacuum) and the summed lengths of the
    object states written, per registration.
    """
    from bench.pack import relstorage
    from bench.pack import storage_chain
    from tests.cluster.harness import create_database

    measured = list(_transactions_after(db.storage, after))
    states = sum(len(pickle or b"") for _t, _m, data in measured for _o, pickle in data)
    result = {}
    for history_free in (False, True):
        name = f"{database}_{'hf' if history_free else 'hp'}"
        dsn = create_database(name)
        storage = relstorage(dsn, history_free)
        try:
            for layer in storage_chain(db.storage):
                base = [
                    r for r in _transactions_after(layer, b"\0" * 8) if r[0] <= after
                ]
                storage.copyTransactionsFrom(_Replay(base))
            size_before = database_bytes(name)
            storage.copyTransactionsFrom(_Replay(measured))
            size_after = database_bytes(name)
        finally:
            storage.close()
        result["history_free" if history_free else "history_preserving"] = {
            "database": name,
            "bytes_before": size_before,
            "bytes_after": size_after,
            "bytes_per_registration": round((size_after - size_before) / n),
            "state_bytes_per_registration": round(states / n),
        }
    return result


def database_bytes(name: str) -> int:
    """Sum of pg_total_relation_size over the public schema's tables."""
    from tests.cluster.harness import PG
    import subprocess

    query = (
        "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c "
        "join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = 'public' and c.relkind in ('r', 'm')"
    )
    out = subprocess.run(
        ["psql", *PG, "-d", name, "-tAc", query],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip())


# --- standalone run (make bench, scenario W) ------------------------------------


def scenario(n: int = 100, seed: int = 300) -> dict:
    """The make-bench scenario W, measured in a fresh process (its own test layer)."""
    from tests.cluster.harness import postgres_available
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    extra = ["--relstorage"] if postgres_available() else []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "writes.json"
        subprocess.run(
            [sys.executable, "-m", "bench.writes", "-n", str(n), "--seed", str(seed)]
            + ["--json", str(out), *extra],
            cwd=root,
            check=True,
            capture_output=True,
        )
        data = json.loads(out.read_text())
    rows = [
        {"structure": name, "bytes_per_registration": round(size / n)}
        for name, size in list(data["bytes_by_structure"].items())[:15]
    ]
    return {
        "title": "Bytes appended to a FileStorage per REST registration",
        "note": (
            f"{n} registrations over REST after {seed} seeded; the transactions "
            "copied into a fresh FileStorage. Transactions: "
            + ", ".join(f"{k} {v}" for k, v in data["transactions_by_kind"].items())
            + ". The 15 largest catalogue structures written:"
        ),
        "columns": ["structure", "bytes_per_registration"],
        "rows": rows,
        "metrics": {
            "bytes_per_registration": data["bytes_per_registration"],
            "transactions_per_registration": data["transactions_per_registration"],
            "objects_per_registration": data["objects_per_registration"],
            **{
                f"relstorage_{mode}_bytes_per_registration": figures[
                    "bytes_per_registration"
                ]
                for mode, figures in data.get("relstorage", {}).items()
            },
        },
    }


def _layers_up(layer):
    from zope.testrunner.runner import gather_layers
    from zope.testrunner.runner import order_by_bases

    found: list = []
    gather_layers(layer, found)
    ordered = order_by_bases(list(dict.fromkeys(found)))
    for each in ordered:
        each.setUp()
    for each in ordered:
        each.testSetUp()
    return ordered


def _layers_down(ordered):
    for each in reversed(ordered):
        each.testTearDown()
    for each in reversed(ordered):
        each.tearDown()


def make_desk(portal) -> None:
    """The demo people, a desk and two routed categories (committed)."""
    from collective.servicedesk.categories.storage import update_category
    from collective.servicedesk.setuphandlers import demo
    from plone import api
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import setRoles
    from zope.component.hooks import setSite
    import transaction

    setSite(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    demo.ensure_groups()
    demo.ensure_users()
    api.content.create(
        container=portal, type="ServiceDesk", id="desk", title="Servicetorget"
    )
    update_category("building-permits", unit="servicedesk-building")
    update_category("water-sewage", unit="servicedesk-technical")
    transaction.commit()


def agent_session():
    """A requests session as the demo front-desk agent."""
    from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD
    import requests

    session = requests.Session()
    session.auth = ("agent", DEMO_PASSWORD)
    session.headers.update({"Accept": "application/json"})
    return session


def prepare(layer):
    """A desk and the demo people in the layer's site; (db, session, desk URL)."""
    make_desk(layer["portal"])
    url = f"http://{layer['host']}:{layer['port']}/plone/desk"
    return layer["zodbDB"], agent_session(), url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument(
        "--seed", type=int, default=5, help="registrations before the measured ones"
    )
    parser.add_argument("--json", default="")
    parser.add_argument(
        "--relstorage",
        action="store_true",
        help="also copy into PostgreSQL (history-preserving and history-free)",
    )
    parser.add_argument(
        "--database",
        default=RELSTORAGE_DATABASE,
        help="PostgreSQL database name prefix (_hp and _hf are appended)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("zope_i18n_compile_mo_files", "1")
    from collective.servicedesk.testing import FUNCTIONAL_TESTING

    ordered = _layers_up(FUNCTIONAL_TESTING)
    try:
        db, session, url = prepare(FUNCTIONAL_TESTING)
        result = measure(db, session, url, args.n, warm=args.seed)
        if args.relstorage:
            result["relstorage"] = relstorage_appended(
                db, bytes.fromhex(result["before_tid"]), args.n, args.database
            )
    finally:
        _layers_down(ordered)
    text = json.dumps(result, indent=2)
    if args.json:
        Path(args.json).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
