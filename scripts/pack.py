"""Pack the ZODB of a FileStorage (or ZEO) instance: ``zconsole run`` script (issue 19).

    .venv/bin/zconsole run instance/etc/zope.conf scripts/pack.py --days 7

Removes the object revisions older than ``--days`` (default 7) that are no
longer current, and objects nobody references any more (garbage collection).
Packing runs beside the live instance (FileStorage packs in a thread while
commits continue); schedule it at night, see docs/how-to/production-tuning.md.
RelStorage is packed with its own ``zodbpack`` command instead.
"""

import argparse
import os
import sys
import time


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
