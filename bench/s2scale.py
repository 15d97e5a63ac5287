"""S2X: writers with and without the registration turn, on one and two instances.

Issue 19, deliverable 4. One seeded database (the same templates as
``bench.run``), then rounds of four variants, interleaved so that the shared
machine's load falls on all of them alike (the order is reversed every other
round):

- ``turn, 2 instances``: ``SERVICEDESK_REGISTRATION_TURN=cluster`` (the old
  cluster-wide turn),
- ``no turn, 2 instances`` and ``no turn, 1 instance``,
- ``turn, 1 instance``.

Each variant starts its instances with the switch, warms them up with a few
registrations (not measured), lets ``--writers`` writers register through the
balancer for ``--seconds``, reads the conflict log lines of that span, and
looks every acknowledged inquiry up afterwards (missing ones are counted).
Besides p50/p95 and registrations/s it reports the instances' CPU seconds per
registration (from /proc: less sensitive to other people's load than wall
time) and the load average before each variant.

    python -m bench.s2scale --sizes 2000 --database sdbench_mine --rounds 2

Writes ``s2scale.json`` and ``s2scale.md`` into ``--out``/<time>/.
"""

from bench import scenarios
from bench.cluster import ROOT
from bench.cluster import Cluster
from bench.cluster import Sink
from bench.cluster import copy_database
from bench.data import staff_accounts
from bench.run import build_templates
from bench.run import parse as parse_run
from bench.run import say
from collections import Counter
from datetime import UTC
from datetime import datetime
from pathlib import Path
from tests.cluster.harness import drop_database
import argparse
import json
import os
import shutil
import sys
import time

SWITCH = "SERVICEDESK_REGISTRATION_TURN"
# mode:instances:index; "stock" is the seeded site with ZCTextIndex's own
# OkapiIndex (before 1015), "concurrent" after the 1015 conversion
# (bench/s2convert.py puts a copy of the template into either state).
VARIANTS = (
    ("cluster", 2, "stock"),
    ("off", 2, "concurrent"),
    ("off", 1, "concurrent"),
    ("cluster", 1, "stock"),
)


def label(mode: str, instances: int, index: str = "") -> str:
    turn = "turn" if mode == "cluster" else "no turn"
    text = f"{turn}, {instances} instance{'s' if instances > 1 else ''}"
    return f"{text}, {index} index" if index else text


def cpu_seconds(cluster: Cluster) -> float:
    """User + system CPU seconds of the running serving instances."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for node in cluster.nodes:
        try:
            fields = Path(f"/proc/{node.process.pid}/stat").read_text().split(")")[1]
            parts = fields.split()
            total += (int(parts[11]) + int(parts[12])) / tick
        except (OSError, AttributeError, IndexError):
            pass
    return total


def warm(desk: str, agents: list[str], writers: int) -> None:
    """A few registrations per writer connection (every instance sees some)."""
    scenarios._writers_level(desk, agents, writers, 3)


def run_variant(cluster, database, mode, instances, index, agents, args, names):
    cluster.use(database)
    everyone = list(cluster.nodes)
    for node in everyone:
        node.env[SWITCH] = mode
    cluster.nodes = everyone[:instances]

    def verify(acknowledged):
        out = cluster.inprocess({"mode": "verify", "items": acknowledged})
        return out["verify"]["missing"]

    load_before = os.getloadavg()[0]
    cluster.start()
    try:
        desk = f"{cluster.url}/service-desk"
        warm(desk, agents, args.writers)
        offset = scenarios.log_size(cluster.event_log())
        cpu_before = cpu_seconds(cluster)
        latencies, acknowledged, failures, elapsed = scenarios._writers_level(
            desk, agents, args.writers, args.seconds
        )
        cpu = cpu_seconds(cluster) - cpu_before
        load_after = os.getloadavg()[0]
        time.sleep(1)  # let the log lines land
        retried, failed, oids = scenarios.count_conflicts(cluster.event_log(), offset)
        missing = verify(acknowledged)
    finally:
        cluster.stop()
        cluster.nodes = everyone
    stats = scenarios.summary(latencies)
    done = len(acknowledged)
    names.update(oids)
    return {
        "variant": label(mode, instances, index),
        "mode": mode,
        "instances": instances,
        "index": index,
        "registrations": done,
        "per_second": round(done / elapsed, 2),
        "p50_ms": stats["p50_ms"],
        "p95_ms": stats["p95_ms"],
        "retries": retried,
        "retries_per_100": round(100 * retried / done, 1) if done else None,
        "failures": len(failures) + failed,
        "missing": len(missing),
        "cpu_ms_per_registration": round(1000 * cpu / done, 1) if done else None,
        "load_before": round(load_before, 2),
        "load_after": round(load_after, 2),
    }


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--writers", type=int, default=10)
    parser.add_argument(
        "--template",
        default="",
        help="a seeded database to copy (default: bench.run's template for --sizes)",
    )
    parser.add_argument(
        "--variants",
        default=",".join(f"{m}:{n}:{i}" for m, n, i in VARIANTS),
        help="mode:instances:index (stock or concurrent), order of the first round",
    )
    own, rest = parser.parse_known_args(argv)
    run_args = parse_run(rest)
    for key, value in vars(own).items():
        setattr(run_args, key, value)
    return run_args


def markdown(report: dict) -> str:
    columns = [
        "round",
        "variant",
        "registrations",
        "per_second",
        "p50_ms",
        "p95_ms",
        "retries_per_100",
        "failures",
        "missing",
        "cpu_ms_per_registration",
        "load_before",
    ]
    lines = [
        f"# S2X: {report['writers']} writers, turn vs no turn, 1 vs 2 instances",
        "",
        f"{report['started']} - {report['finished']}, {report['size']} inquiries, "
        f"{report['seconds']:.0f} s per variant, {report['threads']} threads per "
        f"instance, {report['cpus']} CPUs.",
        "",
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * len(columns),
    ]
    for row in report["rows"]:
        lines.append("| " + " | ".join(str(row.get(c, "")) for c in columns) + " |")
    lines += ["", "Summed over rounds:", ""]
    lines.append("| variant | registrations/s | ratio 2/1 instances |")
    lines.append("|---|---|---|")
    for variant, values in report["summary"].items():
        lines.append(
            f"| {variant} | {values['per_second']} | {values.get('ratio_2_to_1', '')} |"
        )
    if report["hot"]:
        lines += ["", "Conflicting objects (all variants): " + report["hot"]]
    return "\n".join(lines) + "\n"


def summarise(rows: list[dict]) -> dict:
    by: dict[str, list] = {}
    for row in rows:
        by.setdefault(row["variant"], []).append(row)
    out = {}
    for variant, group in by.items():
        out[variant] = {
            "per_second": round(sum(r["per_second"] for r in group) / len(group), 2)
        }
    for variant, values in out.items():
        one = out.get(variant.replace("2 instances", "1 instance"))
        if one is not None and one is not values and one["per_second"]:
            values["ratio_2_to_1"] = round(values["per_second"] / one["per_second"], 2)
    return out


def main(argv: list[str]) -> int:
    args = parse(argv)
    size = int(args.sizes.split(",")[0])
    variants = [
        (mode, int(n), index)
        for mode, n, index in (v.split(":") for v in args.variants.split(","))
    ]
    started = datetime.now(UTC)
    folder = Path(args.out) / started.strftime("%Y%m%d-%H%M%S-s2x")
    var = folder / "var"
    var.mkdir(parents=True)
    rows: list[dict] = []
    databases: dict[str, str] = {}
    names: dict = {}
    hot: Counter = Counter()
    staff = staff_accounts(args.users)
    agents = [a[0] for a in staff if a[2] == "servicedesk-frontdesk"]
    with Sink() as sink:
        cluster = Cluster(
            var, args.cache_size, sink.port, args.cache_local_mb, args.threads
        )
        try:
            if args.template:
                templates = [args.template]
            else:
                templates, _seeding = build_templates(cluster, args, [size])
            for index in sorted({v[2] for v in variants}):
                database = databases[index] = f"{args.database}_{index}"
                copy_database(templates[0], database)
                cluster.use(database)
                cluster.inprocess({"mode": "mail", "port": cluster.smtp_port})
                script = str(ROOT / "bench" / "s2convert.py")
                say(cluster.zconsole(script, {"BENCH_INDEX": index}).strip()[-300:])
            for number in range(1, args.rounds + 1):
                order = variants if number % 2 else list(reversed(variants))
                for mode, instances, index in order:
                    say(f"round {number}: {label(mode, instances, index)}")
                    row = run_variant(
                        cluster,
                        databases[index],
                        mode,
                        instances,
                        index,
                        agents,
                        args,
                        hot,
                    )
                    row["round"] = number
                    say(json.dumps(row))
                    rows.append(row)
            if hot:
                try:
                    names = cluster.inprocess({"mode": "hot", "oids": list(hot)})["hot"]
                except RuntimeError as error:
                    say(f"could not name the conflicting objects: {error}")
        finally:
            cluster.stop()
            if not args.keep:
                for database in databases.values():
                    drop_database(database)
    by_structure: Counter = Counter()
    for oid, count in hot.items():
        by_structure[names.get(oid, oid)] += count
    report = {
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "size": size,
        "writers": args.writers,
        "seconds": args.seconds,
        "threads": args.threads,
        "cpus": os.cpu_count(),
        "rows": rows,
        "summary": summarise(rows),
        "hot": "; ".join(f"{n}: {c}" for n, c in by_structure.most_common(10)),
    }
    (folder / "s2scale.json").write_text(json.dumps(report, indent=2))
    md = markdown(report)
    (folder / "s2scale.md").write_text(md)
    shutil.rmtree(var, ignore_errors=True)
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
