"""Pack the ZODB (issue 19): FileStorage by ``zconsole run``, RelStorage by zodbpack.

    .venv/bin/zconsole run instance/etc/zope.conf scripts/pack.py --days 7
    .venv/bin/python scripts/pack.py relstorage --dsn "dbname='servicedesk' ..." \
        --days 7 [--history-free]

Removes the object revisions older than ``--days`` (default 7) that are no
longer current, and objects nobody references any more (garbage collection).
Packing runs beside the live instances (FileStorage packs in a thread while
commits continue; RelStorage's pack works in small batches); schedule it at
night, see docs/how-to/production-tuning.md.

RelStorage is packed by its own ``zodbpack`` command, from a configuration
this script writes (``keep-history`` as the instances have it: a
history-free database has no old revisions, so there pack only collects
garbage). It prints the database's size before and after; PostgreSQL gives
the freed pages back to the operating system only after ``VACUUM FULL``
(``--vacuum-full``, which locks the tables: run it in a maintenance window).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ZODBPACK_CONFIG = """\
%import relstorage
<relstorage>
    keep-history {keep_history}
    pack-gc true
    <postgresql>
        dsn {dsn}
    </postgresql>
</relstorage>
"""

SIZES = """
select pg_database_size(current_database()),
       pg_total_relation_size('object_state'),
       (select count(*) from object_state),
       (select coalesce(sum(octet_length(state)), 0) from object_state)
"""


def pack(db, days: float) -> dict:
    """Pack ``db`` to ``days`` ago; return sizes where the storage has a file."""
    storage = db.storage
    name = getattr(storage, "_file_name", None)
    before = os.path.getsize(name) if name else None
    started = time.perf_counter()
    db.pack(days=days)
    return {
        "storage": storage.getName(),
        "days": days,
        "seconds": round(time.perf_counter() - started, 2),
        "bytes_before": before,
        "bytes_after": os.path.getsize(name) if name else None,
    }


def zodbpack_config(dsn: str, history_free: bool) -> str:
    """The zodbpack configuration for a RelStorage database on PostgreSQL."""
    return ZODBPACK_CONFIG.format(
        dsn=dsn, keep_history="false" if history_free else "true"
    )


def pg_sizes(dsn: str, vacuum: str | None = None) -> dict:
    """Database and object_state bytes (on disk), rows and pickle bytes.

    ``vacuum``: "" (plain) or "FULL" first.
    """
    import psycopg2

    connection = psycopg2.connect(dsn)
    try:
        if vacuum is not None:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute("VACUUM FULL ANALYZE" if vacuum else "VACUUM ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute(SIZES)
            database, table, rows, pickles = cursor.fetchone()
    finally:
        connection.close()
    return {
        "database_bytes": database,
        "object_state_bytes": table,
        "rows": rows,
        "pickle_bytes": int(pickles),
    }


def pack_relstorage(
    dsn: str, days: float, history_free: bool = False, vacuum_full: bool = False
) -> dict:
    """Run zodbpack on the database; sizes before and after (after VACUUM)."""
    before = pg_sizes(dsn)
    with tempfile.NamedTemporaryFile("w", suffix=".conf") as config:
        config.write(zodbpack_config(dsn, history_free))
        config.flush()
        started = time.perf_counter()
        subprocess.run(
            [
                os.path.join(os.path.dirname(sys.executable), "zodbpack"),
                "--days",
                str(days),
                config.name,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
    after = pg_sizes(dsn, "FULL" if vacuum_full else "")
    return {
        "storage": "RelStorage/PostgreSQL "
        + ("history-free" if history_free else "history-preserving"),
        "days": days,
        "seconds": round(seconds, 2),
        "before": before,
        "after": after,
        "vacuum": "FULL" if vacuum_full else "plain",
    }


def relstorage_main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(
        prog="pack.py relstorage", description="Pack a RelStorage database"
    )
    parser.add_argument("--dsn", required=True, help="the instances' PostgreSQL DSN")
    parser.add_argument("--days", type=float, default=7.0)
    parser.add_argument("--history-free", action="store_true")
    parser.add_argument("--vacuum-full", action="store_true")
    parser.add_argument(
        "--print-config", action="store_true", help="only print the zodbpack config"
    )
    args = parser.parse_args(argv)
    if args.print_config:
        sys.stdout.write(zodbpack_config(args.dsn, args.history_free))
        return {}
    result = pack_relstorage(args.dsn, args.days, args.history_free, args.vacuum_full)
    print(json.dumps(result))
    return result


def main(app, argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(
        prog="pack.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--days", type=float, default=7.0)
    args = parser.parse_args(argv)
    result = pack(app._p_jar.db(), args.days)
    print(result)
    return result


if "app" in globals():  # run by zconsole, which provides `app`
    RESULT = main(globals()["app"], sys.argv[1:])
elif __name__ == "__main__" and sys.argv[1:2] == ["relstorage"]:
    relstorage_main(sys.argv[2:])
