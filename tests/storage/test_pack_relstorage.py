"""Packing RelStorage on PostgreSQL keeps the inquiries and frees space (issue 19).

The test's own databases on 127.0.0.1 get a copy of the functional test
database (every transaction), are packed with the documented command
(``scripts/pack.py relstorage`` → ``zodbpack``) and opened again.
"""

from bench import pack
from bench import writes
from pathlib import Path
from persistent.mapping import PersistentMapping
from tests.cluster.harness import create_database
from tests.cluster.harness import drop_database
from tests.cluster.harness import postgres_available
from ZODB.DB import DB
import json
import os
import pytest
import subprocess
import sys
import transaction

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "pack.py"

pytestmark = pytest.mark.skipif(
    not postgres_available(), reason="PostgreSQL is not reachable on 127.0.0.1"
)


@pytest.fixture
def inquiries(functional_portal):
    writes.make_desk(functional_portal)
    return pack.register(functional_portal, 3)


def copied(functional_portal, name: str, history_free: bool) -> str:
    """A fresh database ``name`` holding the functional test database."""
    dsn = create_database(name)
    storage = pack.relstorage(dsn, history_free)
    try:
        pack.copy_into(functional_portal._p_jar.db(), storage)
    finally:
        storage.close()
    return dsn


def add_garbage(dsn: str, history_free: bool) -> None:
    """An object that is committed, then no longer referenced."""
    db = DB(pack.relstorage(dsn, history_free))
    try:
        manager = transaction.TransactionManager()
        connection = db.open(transaction_manager=manager)
        connection.root()["junk"] = PersistentMapping({"x": "y" * 100_000})
        manager.commit()
        del connection.root()["junk"]
        manager.commit()
        connection.close()
    finally:
        db.close()


def run_pack(dsn: str, *options: str) -> dict:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "relstorage", "--dsn", dsn, *options],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=dict(os.environ),
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_inquiries_intact(dsn: str, history_free: bool, paths: list[str]) -> None:
    db = DB(pack.relstorage(dsn, history_free))
    try:
        connection = db.open()
        site = connection.root()["Application"]["plone"]
        for path in paths:
            inquiry = site.unrestrictedTraverse(path.split("/plone/", 1)[1])
            assert inquiry.answer == "Svar sendt."
            assert inquiry.reference_number
        connection.close()
    finally:
        db.close()


@pytest.mark.parametrize("history_free", [False, True], ids=["history", "free"])
def test_zodbpack_frees_space_and_keeps_the_inquiries(
    functional_portal, inquiries, history_free
):
    name = f"servicedesk_test_pack_{'hf' if history_free else 'hp'}"
    try:
        dsn = copied(functional_portal, name, history_free)
        add_garbage(dsn, history_free)
        options = ["--days", "0", "--vacuum-full"]
        if history_free:
            options.append("--history-free")
        result = run_pack(dsn, *options)
        before, after = result["before"], result["after"]
        # Old revisions (history-preserving) and the unreferenced object
        # (both) are gone: fewer rows, fewer bytes.
        assert after["rows"] < before["rows"]
        assert after["pickle_bytes"] < before["pickle_bytes"]
        assert_inquiries_intact(dsn, history_free, inquiries)
    finally:
        drop_database(name)


def test_the_zodbpack_configuration_matches_the_history_mode():
    dsn = "dbname='x' host='127.0.0.1'"
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "relstorage", "--dsn", dsn, "--print-config"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "keep-history true" in out
    assert f"dsn {dsn}" in out
    free = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "relstorage",
            "--dsn",
            dsn,
            "--history-free",
            "--print-config",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "keep-history false" in free
