"""Growth (issue 19, deliverable 6): S4, S5 and S7 at several seeded sizes.

Each size's seeded template is copied into the working database, the two
instances start on it and the three scenarios run as in ``make bench``; the
report gives each case's p50 per size and the largest ÷ smallest ratio
(``bench.report.growth_rows``).

Inside ``make bench``: ``python -m bench.run --sizes 10000,100000,300000 --only G``.
On templates seeded before (your own database names, so that parallel runs do
not collide)::

    python -m bench.growth --templates sdgrowth_t10000,sdgrowth_t100000 \\
        --sizes 10000,100000 --database sdgrowth_work
"""

from bench import scenarios
from bench.cluster import Cluster
from bench.cluster import Sink
from bench.cluster import admin_session
from bench.cluster import copy_database
from bench.data import staff_accounts
from bench.report import growth_rows
from datetime import UTC
from datetime import datetime
from pathlib import Path
import argparse
import os
import shutil
import sys


def say(message: str) -> None:
    print(f"[growth] {message}", file=sys.stderr, flush=True)


def load() -> str:
    """The machine's load average (1, 5, 15 min): the figures' context."""
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def measure_size(cluster: Cluster, args, size: int) -> dict:
    """{(scenario, case): p50 ms} at one size, the cluster running on it."""
    staff = staff_accounts(args.users)
    agent = next(a[0] for a in staff if a[2] == "servicedesk-frontdesk")
    handler = next(a[0] for a in staff if a[2] == "servicedesk-building")
    lead = next((a[0] for a in staff if a[2] == "servicedesk-leads"), "lead")
    base = cluster.nodes[0].url
    costs: dict[tuple[str, str], float] = {}
    cases = scenarios.s4_cases(handler, agent)
    baseline = cluster.inprocess(
        {"mode": "queries", "repeat": args.s4_requests, "cases": cases}
    )
    for row in scenarios.s4_measure(base, cases, args.s4_requests, baseline, size):
        costs[("S4", row["case"])] = row["p50_ms"]
    counts = cluster.inprocess({"mode": "counts", "repeat": args.s5_requests})
    s5 = scenarios.s5_statistics(base, lead, args.s5_requests, counts, size)
    for row in s5["rows"]:
        costs[("S5", row["range"])] = row["p50_ms"]
    s7 = scenarios.s7_panels(base, admin_session(), agent, "", args.s7_requests, size)
    for row in s7["rows"]:
        costs[("S7", row["case"])] = row["p50_ms"]
    return costs


def result(cluster: Cluster, args, sizes: list[int], templates: list[str]) -> dict:
    """The growth table: p50 per size and case, largest ÷ smallest."""
    measured: dict[int, dict] = {}
    loads: dict[int, str] = {}
    for size, template in zip(sizes, templates, strict=True):
        say(f"{size} inquiries ({template}): starting the instances")
        copy_database(template, args.database)
        cluster.use(args.database)
        cluster.inprocess({"mode": "mail", "port": cluster.smtp_port})
        cluster.start()
        try:
            loads[size] = load()
            measured[size] = measure_size(cluster, args, size)
            loads[size] += " → " + load()
        finally:
            cluster.stop()
        say(f"{size}: {measured[size]} (load {loads[size]})")
    rows = growth_rows(measured)
    smallest, largest = min(sizes), max(sizes)
    ratios = [r["ratio"] for r in rows if r["ratio"] is not None]
    return {
        "title": f"Growth: S4, S5, S7 from {smallest} to {largest} inquiries",
        "note": "p50 (ms) of each case per seeded size, one run, sizes one after "
        "another; ratio = largest ÷ smallest. Load average (1/5/15 min) before → "
        "after each size: "
        + "; ".join(f"{size}: {text}" for size, text in loads.items())
        + ".",
        "columns": ["scenario", "case", *[str(s) for s in sizes], "ratio"],
        "rows": rows,
        "metrics": {
            "worst_ratio": max(ratios) if ratios else None,
            "sizes": ",".join(str(s) for s in sizes),
        },
    }


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--templates", required=True, help="seeded databases")
    parser.add_argument("--sizes", required=True, help="their inquiry counts")
    parser.add_argument("--database", default="sdgrowth_work")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--s4-requests", type=int, default=30)
    parser.add_argument("--s5-requests", type=int, default=15)
    parser.add_argument("--s7-requests", type=int, default=60)
    parser.add_argument("--cache-size", type=int, default=300000)
    parser.add_argument("--cache-local-mb", type=int, default=1000)
    parser.add_argument("--out", default="var/bench-growth")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    from bench.report import machine
    from bench.report import write

    args = parse(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    templates = args.templates.split(",")
    started = datetime.now(UTC)
    folder = Path(args.out) / started.strftime("%Y%m%d-%H%M%S")
    var = folder / "var"
    var.mkdir(parents=True)
    with Sink() as sink:
        cluster = Cluster(var, args.cache_size, sink.port, args.cache_local_mb)
        try:
            growth = result(cluster, args, sizes, templates)
        finally:
            cluster.stop()
    finished = datetime.now(UTC)
    report = {
        "started": started.isoformat(timespec="seconds"),
        "finished": finished.isoformat(timespec="seconds"),
        "duration_s": (finished - started).total_seconds(),
        "storage": "RelStorage on PostgreSQL, 2 instances",
        "machine": machine(),
        "parameters": {k: v for k, v in vars(args).items() if k != "out"},
        "targets": [],
        "results": {"G": growth},
    }
    _json, md_path = write(report, folder)
    shutil.rmtree(var, ignore_errors=True)
    print(md_path.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
