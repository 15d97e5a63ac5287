"""Storage upkeep (issue 19): disk per inquiry before and after packing a FileStorage.

``python -m bench.pack [-n 2000]`` sets up the functional test layer, registers
``n`` inquiries in-process the way the REST service does (one transaction per
registration, then one workflow step each, as a day's handling would), copies
the whole database (every layer of the test stack, oldest first) into a fresh
FileStorage, measures it, packs it (``DB.pack``, with garbage collection) and
measures again. The figures per inquiry are extrapolated to 100 000.

``tests/storage/test_pack.py`` runs the same on a few inquiries and asserts
that packing shrinks the file and keeps the content.
"""

from __future__ import annotations

from pathlib import Path
from ZODB.DB import DB
from ZODB.FileStorage import FileStorage
import argparse
import json
import os
import tempfile
import time


def storage_chain(storage) -> list:
    """The storage and its DemoStorage bases, oldest first."""
    chain = []
    while storage is not None:
        chain.append(getattr(storage, "changes", storage))
        storage = getattr(storage, "base", None)
    return list(reversed(chain))


def copy_database(db, path: Path) -> FileStorage:
    """A FileStorage with every transaction of ``db`` (all layers)."""
    from bench.writes import _Replay
    from bench.writes import _transactions_after

    fs = FileStorage(str(path), create=True)
    for storage in storage_chain(db.storage):
        fs.copyTransactionsFrom(_Replay(list(_transactions_after(storage, b"\0" * 8))))
    return fs


def copy_into(db, target) -> None:
    """Copy every transaction of ``db`` (all layers) into the storage ``target``."""
    from bench.writes import _Replay
    from bench.writes import _transactions_after

    for storage in storage_chain(db.storage):
        target.copyTransactionsFrom(
            _Replay(list(_transactions_after(storage, b"\0" * 8)))
        )


def relstorage(dsn: str, history_free: bool):
    """A RelStorage on PostgreSQL (the schema is made on first use)."""
    from relstorage.adapters.postgresql import PostgreSQLAdapter
    from relstorage.options import Options
    from relstorage.storage import RelStorage

    options = Options(keep_history=not history_free, pack_gc=True)
    adapter = PostgreSQLAdapter(dsn=dsn, options=options)
    return RelStorage(adapter, options=options)


def register(portal, n: int, start: int = 0) -> list[str]:
    """``n`` registrations in their own transactions, then one handling step each."""
    from bench.scenarios import inquiry_body
    from collective.servicedesk.registration import service
    from plone import api
    from plone.app.testing import login
    import transaction

    login(portal, "agent")
    desk = portal["desk"]
    paths = []
    for i in range(start, start + n):
        inquiry = service.register(desk, inquiry_body(i))
        transaction.commit()
        paths.append("/".join(inquiry.getPhysicalPath()))
    with api.env.adopt_roles(["Manager"]):
        for path in paths:
            inquiry = portal.unrestrictedTraverse(path)
            inquiry.answer = "Svar sendt."
            inquiry.reindexObject(idxs=["servicedesk_text"])
            transaction.commit()
    return paths


def pack_figures(db, n: int, directory: Path) -> dict:
    """Size before and after packing the copied database."""
    fs = copy_database(db, directory / "Data.fs")
    packed_db = DB(fs)
    try:
        before = os.path.getsize(fs._file_name)
        started = time.perf_counter()
        packed_db.pack(time.time() + 1)
        seconds = time.perf_counter() - started
        after = os.path.getsize(fs._file_name)
    finally:
        packed_db.close()
    return {
        "inquiries": n,
        "bytes_before_pack": before,
        "bytes_after_pack": after,
        "pack_seconds": round(seconds, 2),
    }


def measure(portal, db, n: int, base: int = 20) -> dict:
    """Packed size with ``base`` and with ``base + n`` inquiries; per inquiry."""
    register(portal, base, start=50_000)
    with tempfile.TemporaryDirectory() as tmp:
        small = pack_figures(db, base, Path(tmp))
    register(portal, n)
    with tempfile.TemporaryDirectory() as tmp:
        large = pack_figures(db, base + n, Path(tmp))
    grown_before = large["bytes_before_pack"] - small["bytes_before_pack"]
    grown_after = large["bytes_after_pack"] - small["bytes_after_pack"]
    return {
        "small": small,
        "large": large,
        "per_inquiry_before_pack": round(grown_before / n),
        "per_inquiry_after_pack": round(grown_after / n),
        "gb_per_100000_before_pack": round(grown_before / n * 100_000 / 1e9, 2),
        "gb_per_100000_after_pack": round(grown_after / n * 100_000 / 1e9, 2),
    }


def main(argv: list[str] | None = None) -> int:
    from bench import writes

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--json", default="")
    args = parser.parse_args(argv)
    os.environ.setdefault("zope_i18n_compile_mo_files", "1")
    from collective.servicedesk.testing import FUNCTIONAL_TESTING

    ordered = writes._layers_up(FUNCTIONAL_TESTING)
    try:
        portal = FUNCTIONAL_TESTING["portal"]
        writes.make_desk(portal)
        result = measure(portal, FUNCTIONAL_TESTING["zodbDB"], args.n)
    finally:
        writes._layers_down(ordered)
    text = json.dumps(result, indent=2)
    if args.json:
        Path(args.json).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
