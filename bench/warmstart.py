"""Warm starts (issue 19): first whole-year statistics after a restart, cold vs warm.

One RelStorage instance on a copy of a seeded database is restarted in four
ways and, for each, the time is taken from the process start until it is
alive (``@@ok`` answers), until it is ready (``@@servicedesk-ready`` answers
200: when the balancer lets it in) and the duration of the first whole-year
``@servicedesk-statistics`` as a lead sent once it is ready (what S5 asks):

- ``cold``: no persistent cache, no warm-up (how instances started before);
- ``cache``: RelStorage's persistent local cache (``cache-local-dir``), filled
  by a previous run of the instance and written at its shutdown;
- ``warm-up``: the warm-up at start (SERVICEDESK_WARMUP=1), no persistent cache;
- ``cache+warm-up``: both, the production recommendation.

The instance's CPU seconds during the first statistics are taken too (less
noisy than wall clock on a shared machine). Every variant runs with the same
object cache (``--cache-size``, objects per connection, the main run's 300 000
by default): the third round ran with the instance default of 30 000, which at
100 000 inquiries is smaller than what the statistics read, so every request,
not only the first, loaded most of it again. Standalone::

    python -m bench.warmstart --database sdbench_<key>_10000 [--rounds 2]

``make bench`` runs it on the largest seeded size (scenario ``WARM``).
"""

from __future__ import annotations

from bench.cluster import copy_database
from bench.cluster import dsn_of
from bench.cluster import wait_for
from bench.data import PASSWORD
from bench.data import staff_accounts
from datetime import date
from datetime import timedelta
from pathlib import Path
from tests.cluster.harness import Instance
from tests.cluster.harness import drop_database
import argparse
import json
import os
import re
import requests
import subprocess
import sys
import tempfile
import time

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
VARIANTS = {
    "cold": {"cache": False, "warmup": False},
    "cache": {"cache": True, "warmup": False},
    "warm-up": {"cache": False, "warmup": True},
    "cache+warm-up": {"cache": True, "warmup": True},
}
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def year_url(base: str) -> str:
    today = date.today()
    start = today - timedelta(days=365)
    return f"{base}/@servicedesk-statistics?start={start}&end={today}&period=week"


class Node:
    """One instance of the database, configured for a variant."""

    def __init__(
        self,
        var: Path,
        database: str,
        variant: str,
        cache_mb: int,
        cache_size: int = 300000,
    ):
        wanted = VARIANTS[variant]
        self.cache_dir = var / "relstorage-cache"
        env = {
            "SERVICEDESK_THREADS": "2",
            "SERVICEDESK_CACHE_SIZE": str(cache_size),
            "SERVICEDESK_CACHE_LOCAL_MB": str(cache_mb),
            "SERVICEDESK_CACHE_LOCAL_DIR": str(self.cache_dir)
            if wanted["cache"]
            else "",
            "SERVICEDESK_WARMUP": "1" if wanted["warmup"] else "0",
            "PYTHONPATH": str(ROOT),
        }
        self.instance = Instance(
            var, "relstorage", dsn_of(database), name="warm", env=env
        )
        self.process: subprocess.Popen | None = None

    def start(self) -> float:
        """Start runwsgi; return the monotonic start time."""
        log = open(self.instance.var / "warm.log", "ab")  # noqa: SIM115
        started = time.monotonic()
        self.process = subprocess.Popen(
            [str(BIN / "runwsgi"), str(self.instance.etc / "zope.ini")],
            env=self.instance.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return started

    def stop(self) -> None:
        """SIGTERM, as systemd does; the persistent cache is written on the way out."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def cache_bytes(self) -> int:
        if not self.cache_dir.exists():
            return 0
        return sum(f.stat().st_size for f in self.cache_dir.rglob("*") if f.is_file())


WARMED = re.compile(r"object cache \{'objects': (\d+), 'cache_size': (\d+)\}")


def warmed_objects(log: Path, offset: int) -> int | None:
    """Objects the warm-up left in its connection's cache, from the instance's log."""
    if not log.exists():
        return None
    with log.open("rb") as handle:
        handle.seek(offset)
        found = WARMED.findall(handle.read().decode("utf-8", "replace"))
    return int(found[-1][0]) if found else None


def restart(node: Node, lead: str, timeout: float = 900) -> dict:
    """Start the node and time alive, ready and the first whole-year statistics."""
    base = node.instance.url
    log = node.instance.var / "warm.log"
    offset = log.stat().st_size if log.exists() else 0
    started = node.start()
    deadline = started + timeout
    try:
        alive = wait_for(f"{base}/@@ok", started, deadline)
        ready = wait_for(f"{base}/@@servicedesk-ready", started, deadline)
        cpu_before = cpu_seconds(node.process.pid)
        asked = time.monotonic()
        response = requests.get(
            year_url(base),
            auth=(lead, PASSWORD),
            headers={"Accept": "application/json"},
            timeout=600,
        )
        first = time.monotonic() - asked
        cpu = cpu_seconds(node.process.pid) - cpu_before
        if response.status_code != 200:
            raise RuntimeError(
                f"statistics: {response.status_code} {response.text[:300]}"
            )
        asked = time.monotonic()
        requests.get(
            year_url(base),
            auth=(lead, PASSWORD),
            headers={"Accept": "application/json"},
            timeout=600,
        )
        second = time.monotonic() - asked
    finally:
        node.stop()
    return {
        "alive_s": round(alive, 1),
        "ready_s": round(ready, 1),
        "first_statistics_ms": round(first * 1000),
        "first_statistics_cpu_ms": round(cpu * 1000),
        "second_statistics_ms": round(second * 1000),
        "ready_to_answered_s": round(ready + first, 1),
        "inquiries_in_year": response.json().get("total"),
        "cache_file_mb": round(node.cache_bytes() / 1e6, 1),
        "warmed_objects": warmed_objects(log, offset),
    }


def prime(node: Node, lead: str) -> None:
    """A previous life of the instance: serve once, stop cleanly (cache written)."""
    started = node.start()
    deadline = started + 900
    try:
        wait_for(f"{node.instance.url}/@@servicedesk-ready", started, deadline)
        requests.get(
            year_url(node.instance.url),
            auth=(lead, PASSWORD),
            headers={"Accept": "application/json"},
            timeout=600,
        )
    finally:
        node.stop()


def measure(
    template: str,
    size: int,
    rounds: int = 1,
    cache_mb: int = 1000,
    variants: list[str] | None = None,
    users: int = 100,
    cache_size: int = 300000,
) -> dict:
    """Each variant ``rounds`` times, interleaved, on a copy of ``template``."""
    # The seeded accounts depend on --users: the lead is among those seeded.
    lead = next(a[0] for a in staff_accounts(users) if a[2] == "servicedesk-leads")
    working = f"{template}_warm"[:63]
    copy_database(template, working)
    rows = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            nodes = {}
            for variant in variants or list(VARIANTS):
                var = Path(folder) / variant.replace("+", "_")
                var.mkdir()
                nodes[variant] = Node(var, working, variant, cache_mb, cache_size)
                if VARIANTS[variant]["cache"]:
                    prime(nodes[variant], lead)
            for number in range(rounds):
                for variant, node in nodes.items():
                    row = {
                        "size": size,
                        "variant": variant,
                        "round": number + 1,
                        "cache_size": cache_size,
                    }
                    row.update(restart(node, lead))
                    print(f"[warmstart] {json.dumps(row)}", flush=True)
                    rows.append(row)
    finally:
        drop_database(working)
    return result(rows)


def result(rows: list[dict]) -> dict:
    """The report section: rows, and the warm variant's worst first statistics."""
    warm = [r for r in rows if r["variant"] == "cache+warm-up"]
    cold = [r for r in rows if r["variant"] == "cold"]
    worst = max((r["first_statistics_ms"] for r in warm), default=None)
    cold_worst = max((r["first_statistics_ms"] for r in cold), default=None)
    return {
        "title": "Warm starts: first whole-year statistics after a restart",
        "note": "One instance (2 threads) restarted per variant, interleaved. alive: "
        "@@ok answers; ready: @@servicedesk-ready answers 200 (the balancer lets it "
        "in); first statistics: the first whole-year @servicedesk-statistics as a "
        "lead, sent once ready; CPU: the instance's CPU time during that request.",
        "columns": list(rows[0]) if rows else [],
        "rows": rows,
        "metrics": {
            "first_statistics_ms": worst,
            "cold_first_statistics_ms": cold_worst,
            "ready_s": max((r["ready_s"] for r in warm), default=None),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, help="a seeded database")
    parser.add_argument("--size", type=int, default=0, help="its inquiries")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--cache-local-mb", type=int, default=1000)
    parser.add_argument(
        "--cache-size", type=int, default=300000, help="objects per connection"
    )
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--json", default="")
    args = parser.parse_args(argv)
    out = measure(
        args.database,
        args.size,
        args.rounds,
        args.cache_local_mb,
        args.variants.split(","),
        cache_size=args.cache_size,
    )
    text = json.dumps(out, indent=2)
    if args.json:
        Path(args.json).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
