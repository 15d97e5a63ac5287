"""Packing a FileStorage with our content shrinks it, keeps the content (issue 19)."""

from bench import pack
from bench import writes
from pathlib import Path
from ZODB.DB import DB
import os
import runpy
import sys
import time

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pack.py"


def test_pack_shrinks_the_file_and_keeps_the_inquiries(functional_portal, tmp_path):
    writes.make_desk(functional_portal)
    paths = pack.register(functional_portal, 5)
    db = functional_portal._p_jar.db()
    fs = pack.copy_database(db, tmp_path / "Data.fs")
    before = os.path.getsize(fs._file_name)
    copy = DB(fs)
    try:
        copy.pack(time.time() + 1)
        after = os.path.getsize(fs._file_name)
        assert after < before
        # The packed database still holds the current state of every inquiry.
        connection = copy.open()
        site = connection.root()["Application"]["plone"]
        for path in paths:
            inquiry = site.unrestrictedTraverse(path.split("/plone/", 1)[1])
            assert inquiry.answer == "Svar sendt."
            assert inquiry.reference_number
        connection.close()
    finally:
        copy.close()
    assert Path(str(fs._file_name) + ".old").exists()  # what pack moved aside


def test_the_pack_script_packs_the_database(functional_portal, tmp_path, monkeypatch):
    """scripts/pack.py as zconsole runs it: `app` given, arguments in sys.argv."""
    writes.make_desk(functional_portal)
    pack.register(functional_portal, 3)
    fs = pack.copy_database(functional_portal._p_jar.db(), tmp_path / "Data.fs")
    copy = DB(fs)
    connection = copy.open()
    try:
        monkeypatch.setattr(sys, "argv", ["pack.py", "--days", "0"])
        done = runpy.run_path(
            str(SCRIPT), init_globals={"app": connection.root()["Application"]}
        )
        result = done["RESULT"]
        assert result["bytes_after"] < result["bytes_before"]
        assert result["days"] == 0
    finally:
        connection.close()
        copy.close()
