"""``make bench``: seed realistic data and measure S1, S2, S4, S5, S6 and S7.

Everything runs on this machine: PostgreSQL on 127.0.0.1 (RelStorage), two Zope
instances behind scripts/balancer.py, an SMTP sink for the notifications and
locust (headless) for S6. The report (Markdown and JSON) goes to
var/bench/<timestamp>/ and var/bench/latest.{md,json}. See
docs/reference/benchmarks.md for what each scenario means and the targets.
"""

from bench import directory as directory_bench
from bench import gcpause
from bench import growth
from bench import scenarios
from bench import stepload
from bench import warmstart
from bench import writes as writes_bench
from bench.cluster import Cluster
from bench.cluster import Sink
from bench.cluster import admin_session
from bench.cluster import analyze_database
from bench.cluster import copy_database
from bench.cluster import database_exists
from bench.data import PASSWORD
from bench.data import staff_accounts
from bench.report import evaluate
from bench.report import machine
from bench.report import write
from datetime import UTC
from datetime import datetime
from pathlib import Path
from tests.cluster.harness import drop_database
from tests.cluster.harness import postgres_available
import argparse
import csv
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def parse(argv: list[str]) -> argparse.Namespace:
    env = os.environ.get
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=env("BENCH_SIZES", "10000,100000"),
        help="inquiry counts to seed and measure S4 at (ascending)",
    )
    parser.add_argument(
        "--users",
        type=int,
        default=int(env("BENCH_USERS", "100")),
        help="staff accounts and S6 simulated users",
    )
    parser.add_argument("--faq", type=int, default=int(env("BENCH_FAQ", "300")))
    parser.add_argument("--docs", type=int, default=int(env("BENCH_DOCS", "100")))
    parser.add_argument("--s1-requests", type=int, default=int(env("BENCH_S1", "100")))
    parser.add_argument("--s2-levels", default=env("BENCH_S2_LEVELS", "5,10,25"))
    parser.add_argument(
        "--s2-seconds", type=float, default=float(env("BENCH_S2_SECONDS", "20"))
    )
    parser.add_argument("--s4-requests", type=int, default=int(env("BENCH_S4", "30")))
    parser.add_argument("--s5-requests", type=int, default=int(env("BENCH_S5", "15")))
    parser.add_argument(
        "--s6-seconds", type=int, default=int(env("BENCH_S6_SECONDS", "120"))
    )
    parser.add_argument(
        "--s6-think",
        default=env("BENCH_S6_THINK", "15,45"),
        help="think time between a user's actions, min,max seconds",
    )
    parser.add_argument("--s7-requests", type=int, default=int(env("BENCH_S7", "60")))
    parser.add_argument(
        "--gc-policies",
        default=env("BENCH_GC_POLICIES", "default"),
        help="GC policies S6 and STEP run with, in turn, e.g. default,large-cache",
    )
    parser.add_argument(
        "--step-users",
        default=env("BENCH_STEP_USERS", "10,25,50,100,150,200,300"),
        help="STEP: users per step, until an action's p95 crosses 1 s",
    )
    parser.add_argument(
        "--step-seconds", type=int, default=int(env("BENCH_STEP_SECONDS", "60"))
    )
    parser.add_argument(
        "--step-think",
        default=env("BENCH_STEP_THINK", ""),
        help="STEP think time, min,max seconds (default: --s6-think)",
    )
    parser.add_argument(
        "--w-registrations",
        type=int,
        default=int(env("BENCH_W", "100")),
        help="W: registrations measured (after --w-seed)",
    )
    parser.add_argument("--w-seed", type=int, default=int(env("BENCH_W_SEED", "300")))
    parser.add_argument(
        "--gc-objects", type=int, default=int(env("BENCH_GC_OBJECTS", "500000"))
    )
    parser.add_argument(
        "--gc-requests", type=int, default=int(env("BENCH_GC_REQUESTS", "300"))
    )
    parser.add_argument(
        "--cache-size",
        type=int,
        default=int(env("BENCH_CACHE_SIZE", "300000")),
        help="ZODB cache (objects per connection) of the serving instances",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        choices=(0, 1),
        default=int(env("BENCH_WARMUP", "1")),
        help="1 (default): the serving instances warm up at start "
        "(SERVICEDESK_WARMUP=1) and get no request before they are ready, as in "
        "production; 0: as before the fourth round of issue 19",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=int(env("BENCH_THREADS", "2")),
        help="waitress threads of each serving instance",
    )
    parser.add_argument(
        "--cache-local-mb",
        type=int,
        default=int(env("BENCH_CACHE_LOCAL_MB", "1000")),
        help="RelStorage's pickle cache per serving instance (MB)",
    )
    parser.add_argument("--out", default=env("BENCH_OUT", str(ROOT / "var" / "bench")))
    parser.add_argument(
        "--database", default=env("BENCH_DATABASE", "servicedesk_bench")
    )
    parser.add_argument(
        "--only",
        default=env("BENCH_ONLY", "S1,S2,S4,S5,S6,S7,DIR,W,GC,WARM"),
        help="scenarios to run, e.g. S2,S7 ('seed': only seed the databases)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=int(env("BENCH_SEED", "2026")),
        help="random seed of the generated data",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the working database afterwards"
    )
    parser.add_argument(
        "--reseed",
        action="store_true",
        help="seed again even if a seeded template database exists",
    )
    parser.add_argument(
        "--drop-seed",
        action="store_true",
        help="drop the seeded template databases at the end",
    )
    return parser.parse_args(argv)


def say(message: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {message}", flush=True)


def s6_warm(cluster: Cluster, agent: str, handler: str, lead: str) -> None:
    """Load what the simulated users' pages need into every thread of each instance."""
    pages = (
        (agent, "/"),
        (agent, "/service-desk/@servicedesk-queue?queue=overdue"),
        (handler, "/service-desk/unit-queue"),
        (handler, "/service-desk/@servicedesk-queue?queue=unit"),
        (handler, "/knowledge-search?q=faktura"),
        (lead, "/servicedesk-dashboard"),
    )
    calls = []
    for node in cluster.nodes:
        for user, path in pages:
            s = scenarios.session(user)
            url = f"{node.url}{path}"
            calls.append(lambda s=s, url=url: scenarios.expect(s.get(url)))
    scenarios.warm(calls, rounds=2)


def _number(text: str) -> float:
    """A locust CSV number ('N/A' where an action had no request)."""
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0


def s6_load(cluster: Cluster, args, folder: Path) -> dict:
    """100 simulated staff users with locust, headless, against the balancer."""
    think_min, think_max = args.s6_think.split(",")
    prefix = folder / "s6"
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        BENCH_USERS=str(args.users),
        BENCH_PASSWORD=PASSWORD,
        BENCH_THINK_MIN=think_min,
        BENCH_THINK_MAX=think_max,
    )
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(max(1, args.users // 20)),
        "--run-time",
        f"{args.s6_seconds}s",
        "--host",
        f"http://127.0.0.1:{cluster.balancer_port}",
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        "30",
    ]
    run = subprocess.run(
        command,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=args.s6_seconds + 300,
    )
    (folder / "s6_locust.log").write_text(run.stdout + run.stderr)
    rows, errors, worst, total = [], 0, 0.0, 0
    with open(f"{prefix}_stats.csv", newline="") as stats:
        for record in csv.DictReader(stats):
            name = record["Name"]
            count, failures = int(record["Request Count"]), int(record["Failure Count"])
            p95 = _number(record["95%"])
            row = {
                "action": name,
                "requests": count,
                "failures": failures,
                "per_second": round(float(record["Requests/s"]), 2),
                "p50_ms": _number(record["50%"]),
                "p95_ms": p95,
                "max_ms": round(_number(record["Max Response Time"]), 1),
            }
            rows.append(row)
            if name == "Aggregated":
                total = count
                continue
            errors += failures
            worst = max(worst, p95)
    if not total:
        raise RuntimeError(
            f"locust made no request: {(run.stdout + run.stderr)[-800:]}"
        )
    errors += len(re.findall(r"^\[.*ERROR/locust\.user", run.stderr, re.MULTILINE))
    failures_file = Path(f"{prefix}_failures.csv")
    samples = failures_file.read_text()[:600] if failures_file.exists() else ""
    return {
        "title": f"{args.users} simulated staff users (locust)",
        "note": f"{args.s6_seconds} s, think time {think_min}–{think_max} s, distinct "
        "accounts, through the balancer onto two instances."
        + (f" Failures: {samples}" if errors else ""),
        "columns": [
            "action",
            "requests",
            "failures",
            "per_second",
            "p50_ms",
            "p95_ms",
            "max_ms",
        ],
        "rows": rows,
        "metrics": {"errors": errors, "worst_p95_ms": worst, "requests": total},
    }


def fingerprint(args) -> str:
    """What the seeded data depends on: the add-on's code and the seeding settings."""
    digest = hashlib.sha256()
    # Catalogue, workflows, types and indexers shape the seeded data; views don't.
    package = ROOT / "src" / "collective" / "servicedesk"
    files = sorted(
        [
            *(package / "profiles").rglob("*.xml"),
            *(package / "indexers").glob("*.py"),
            *(
                package / "search" / name
                for name in (
                    "indexers.py",
                    "lexicon.py",
                    "text.py",
                    "extract.py",
                    "postings.py",
                    "leaves.py",
                )
            ),
            package / "setuphandlers" / "install.py",
            package / "indexers" / "configure.zcml",
        ]
    )
    for path in [*files, ROOT / "bench" / "data.py", ROOT / "bench" / "seed.py"]:
        digest.update(path.read_bytes())
    digest.update(f"{args.users}/{args.faq}/{args.docs}/{args.seed}".encode())
    return digest.hexdigest()[:10]


def build_templates(cluster: Cluster, args, sizes: list[int]) -> tuple[list, list]:
    """Seeded databases per size, kept as PostgreSQL templates between runs."""
    key = fingerprint(args)
    templates = [f"sdbench_{key}_{size}" for size in sizes]
    seeding = []
    working = args.database
    for index, (size, template) in enumerate(zip(sizes, templates, strict=True)):
        if database_exists(template) and not args.reseed:
            say(f"seeded {size} inquiries: reusing the database {template}")
            seeding.append({"size": size, "seconds": 0, "per_second": "cached"})
            continue
        if index == 0:
            cluster.use(working, fresh=True)
            say("creating the site (demo municipality)")
            cluster.create_site()
        else:
            copy_database(templates[index - 1], working)
            cluster.use(working)
        say(f"seeding up to {size} inquiries")
        seconds = cluster.seed(
            {
                "BENCH_INQUIRIES": size,
                "BENCH_USERS": args.users,
                "BENCH_FAQ": args.faq,
                "BENCH_DOCS": args.docs,
                "BENCH_SEED": args.seed,
            }
        )
        added = size - (sizes[index - 1] if index else 0)
        seeding.append(
            {
                "size": size,
                "seconds": round(seconds),
                "per_second": round(added / seconds),
            }
        )
        analyze_database(working)
        copy_database(working, template)
    return templates, seeding


def prepare_notes_folder(base: str, agent: str) -> str:
    """A folder where the agent may add plain Documents (the S1 baseline)."""
    admin = admin_session()
    name = "bench-notes"
    if admin.get(f"{base}/{name}").status_code == 404:
        scenarios.expect(
            admin.post(base, json={"@type": "Folder", "id": name, "title": "Notater"}),
            201,
        )
    scenarios.expect(
        admin.post(
            f"{base}/{name}/@sharing",
            json={
                "entries": [
                    {"id": agent, "type": "user", "roles": {"Contributor": True}}
                ]
            },
        ),
        204,
    )
    return name


def name_oids(cluster: Cluster, oids: list[str]) -> dict:
    """Which structures the conflicting oids are (best effort: never fails S2)."""
    try:
        return cluster.inprocess({"mode": "hot", "oids": oids})["hot"]
    except RuntimeError as error:
        say(f"could not name the conflicting objects: {str(error)[-300:]}")
        return {}


def guard(results: dict, name: str, scenario, *args) -> None:
    """Run one scenario; a failure is reported (target "not run"), the rest goes on."""
    try:
        results[name] = scenario(*args)
    except Exception as error:  # noqa: BLE001 - the report must still be written
        say(f"{name} failed: {error}")
        results[name] = {
            "title": "failed",
            "note": f"The scenario failed: {str(error)[-1500:]}",
            "columns": [],
            "rows": [],
            "metrics": {},
        }


MEASURED = {"S1", "S2", "S4", "S5", "S6", "S6S", "S7", "STEP"}


def measure(
    cluster: Cluster, args, sizes, templates, folder: Path, memory: dict
) -> dict:
    staff = staff_accounts(args.users)
    agents = [a[0] for a in staff if a[2] == "servicedesk-frontdesk"]
    handlers = [a[0] for a in staff if a[2] == "servicedesk-building"]
    leads = [a[0] for a in staff if a[2] == "servicedesk-leads"] or ["lead"]
    results: dict[str, dict] = {}
    s4_rows: list[dict] = []
    for index, (size, template) in enumerate(zip(sizes, templates, strict=True)):
        last = index == len(sizes) - 1
        copy_database(template, args.database)
        cluster.use(args.database)
        cluster.inprocess({"mode": "mail", "port": cluster.smtp_port})
        say(f"{size} inquiries: starting two instances and the balancer")
        cluster.start()
        base = cluster.nodes[0].url
        only = set(args.only.split(","))
        if index == 0 and "S1" in only:
            say("S1: register vs Document vs raw commit")
            notes = prepare_notes_folder(base, agents[0])
            raw = cluster.inprocess({"mode": "raw", "repeat": args.s1_requests})
            guard(
                results,
                "S1",
                scenarios.s1_register,
                base,
                agents[0],
                notes,
                args.s1_requests,
                raw["raw"]["seconds"],
            )
        if index == 0 and "S2" in only:
            say("S2: concurrent writers")

            def verify(acknowledged):
                out = cluster.inprocess({"mode": "verify", "items": acknowledged})
                return out["verify"]["missing"]

            guard(
                results,
                "S2",
                lambda: scenarios.s2_writers(
                    cluster.url,
                    agents,
                    [int(n) for n in args.s2_levels.split(",")],
                    args.s2_seconds,
                    cluster.event_log(),
                    verify,
                    lambda oids: name_oids(cluster, oids),
                ),
            )
        if "S4" in only:
            say(f"S4: search and queues at {size}")
            cases = scenarios.s4_cases(handlers[0], agents[0])
            baseline = cluster.inprocess(
                {"mode": "queries", "repeat": args.s4_requests, "cases": cases}
            )
            s4_rows += scenarios.s4_measure(
                base, cases, args.s4_requests, baseline, size
            )
        if last and s4_rows:
            results["S4"] = scenarios.s4_result(s4_rows)
        if last and "S5" in only:
            say("S5: statistics")
            counts = cluster.inprocess({"mode": "counts", "repeat": args.s5_requests})
            guard(
                results,
                "S5",
                scenarios.s5_statistics,
                base,
                leads[0],
                args.s5_requests,
                counts,
                size,
            )
        if last and "S7" in only:
            say("S7: page with and without panels")
            guard(
                results,
                "S7",
                scenarios.s7_panels,
                base,
                admin_session(),
                agents[0],
                "",
                args.s7_requests,
                size,
            )
        if last:
            memory["instances_rss_mb"] = cluster.rss_mb()
        if last and only & {"S6", "STEP", "S6S"}:
            # S6 and the step load, once per GC policy (bench/stepload.py).
            results.update(
                stepload.staff_load(cluster, args, folder, only, sys.modules[__name__])
            )
            memory["instances_rss_mb_after_s6"] = cluster.rss_mb()
        cluster.stop()
    return results


def main(argv: list[str]) -> int:
    args = parse(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if not postgres_available():
        print(
            "PostgreSQL is not reachable on 127.0.0.1:5432 (user postgres).",
            file=sys.stderr,
        )
        return 2
    started = datetime.now(UTC)
    folder = Path(args.out) / started.strftime("%Y%m%d-%H%M%S")
    var = folder / "var"
    var.mkdir(parents=True)
    with Sink() as sink:
        cluster = Cluster(
            var,
            args.cache_size,
            sink.port,
            args.cache_local_mb,
            args.threads,
            gc_policy=args.gc_policies.split(",")[0],
            warmup=bool(args.warmup),
        )
        try:
            templates, seeding = build_templates(cluster, args, sizes)
            results: dict = {}
            memory: dict = {}
            # The scenarios measure() runs; W, WARM, GC, DIR and G start
            # their own processes and need none of its instances.
            if set(args.only.split(",")) & MEASURED:
                results = measure(cluster, args, sizes, templates, folder, memory)
            if "G" in args.only.split(","):
                say("G: S4, S5 and S7 at every size (bench/growth.py)")
                guard(results, "G", growth.result, cluster, args, sizes, templates)
            if "W" in args.only.split(","):
                say("W: bytes appended per registration (FileStorage)")
                guard(
                    results,
                    "W",
                    writes_bench.scenario,
                    args.w_registrations,
                    args.w_seed,
                )
            if "WARM" in args.only.split(","):
                say("WARM: first whole-year statistics after a restart, cold vs warm")
                guard(
                    results,
                    "WARM",
                    lambda: warmstart.measure(
                        templates[-1],
                        sizes[-1],
                        users=args.users,
                        cache_size=args.cache_size,
                    ),
                )
            if "GC" in args.only.split(","):
                say("GC: garbage-collection pauses, default vs large-cache")
                guard(results, "GC", gcpause.result, args.gc_objects, args.gc_requests)
            if "DIR" in args.only.split(","):
                # Directory user vs local user (its own slapd and test site).
                say("DIR: S7 and S1 as a directory user vs a local user")
                guard(results, "DIR", directory_bench.run, args.s7_requests // 2)
        finally:
            cluster.stop()
            if not args.keep:
                drop_database(args.database)
            if args.drop_seed:
                for template in templates:
                    drop_database(template)
        mail = sink.received
    finished = datetime.now(UTC)
    report = {
        "started": started.isoformat(timespec="seconds"),
        "finished": finished.isoformat(timespec="seconds"),
        "duration_s": (finished - started).total_seconds(),
        "storage": f"RelStorage on PostgreSQL, 2 instances x {args.threads} threads",
        "machine": machine(),
        "parameters": {k: v for k, v in vars(args).items() if k != "out"},
        "seeding": seeding,
        "mail_delivered": mail,
        "memory": memory,
        "results": results,
    }
    report["targets"] = evaluate(results)
    _json_path, md_path = write(report, folder)
    # The instances' event logs (GC pauses, conflicts, slow warm-ups) stay
    # beside the report; the rest of the working folder goes.
    logs = folder / "logs"
    for log in sorted([*var.glob("*.log"), *var.rglob("event.log")]):
        logs.mkdir(exist_ok=True)
        name = "-".join(log.relative_to(var).parts)
        (logs / name).write_bytes(log.read_bytes())
    shutil.rmtree(var, ignore_errors=True)
    say(f"report: {md_path}")
    print(md_path.read_text())
    missed = [t for t in report["targets"] if t["met"] is False]
    return 1 if missed and os.environ.get("BENCH_STRICT") == "1" else 0


if __name__ == "__main__":
    started = time.monotonic()
    code = main(sys.argv[1:])
    say(f"done in {time.monotonic() - started:.0f} s")
    sys.exit(code)
