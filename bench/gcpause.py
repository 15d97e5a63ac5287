"""Garbage-collection pauses with and without the ``large-cache`` policy (issue 19).

``python -m bench.gcpause [--objects 500000] [--requests 400] [--rounds 2]``
runs the same workload in fresh subprocesses, alternating the policies
(default, large-cache, default, large-cache, ...): a long-lived heap shaped
like a warm ZODB cache (``--objects`` records, two tracked containers each),
then ``--requests`` simulated requests that allocate short-lived containers
and cyclic garbage and replace a slice of the cache (cache turnover). Pauses
are timed with ``gc.callbacks``; the number of collections per generation
and the process CPU time do not depend on other load on the machine, the
pause times do.
"""

from __future__ import annotations

from pathlib import Path
import argparse
import gc
import json
import subprocess
import sys
import time

ROOT = Path(__file__).resolve().parents[1]


def workload(policy: str, objects: int, requests: int) -> dict:
    from collective.servicedesk.monitoring import gcpolicy

    pauses: list[tuple[int, float]] = []
    started: dict = {}

    def callback(phase, info):
        if phase == "start":
            started["t"] = time.perf_counter()
        else:
            pauses.append((info["generation"], time.perf_counter() - started["t"]))

    cache = [{"oid": i, "state": [i, str(i)]} for i in range(objects)]
    # Warm-up done: the policy freezes here (after the first requests in Zope).
    applied = gcpolicy.apply(policy)
    gc.callbacks.append(callback)
    cpu = time.process_time()
    wall = time.perf_counter()
    turnover = max(1, objects // 1000)
    for n in range(requests):
        scratch = [{"row": j, "cells": [j, j + 1]} for j in range(10_000)]
        for _j in range(2_000):  # a request's cyclic garbage (request, wrappers)
            a: dict = {}
            a["self"] = [a]
        start = (n * turnover) % objects
        for i in range(start, min(objects, start + turnover)):
            cache[i] = {"oid": i, "state": [n, str(i)]}
        del scratch
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    gc.callbacks.remove(callback)
    by_gen = {g: [p for gen, p in pauses if gen == g] for g in (0, 1, 2)}
    return {
        "policy": policy,
        "threshold": list(applied["threshold"]),
        "frozen": applied["frozen"],
        "collections": {str(g): len(v) for g, v in by_gen.items()},
        "full_max_ms": round(max(by_gen[2], default=0) * 1000, 1),
        "full_total_ms": round(sum(by_gen[2]) * 1000, 1),
        "all_max_ms": round(max((p for _g, p in pauses), default=0) * 1000, 1),
        "all_total_ms": round(sum(p for _g, p in pauses) * 1000, 1),
        "cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
    }


def run(objects: int, requests: int, rounds: int) -> dict:
    """Both policies, interleaved, each in a fresh process."""
    results = []
    for _ in range(rounds):
        for policy in ("default", "large-cache"):
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.gcpause",
                    "--one",
                    policy,
                    "--objects",
                    str(objects),
                    "--requests",
                    str(requests),
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"objects": objects, "requests": requests, "runs": results}


def result(objects: int = 500_000, requests: int = 400, rounds: int = 2) -> dict:
    """The make-bench scenario GC: a table and the metrics of both policies."""
    data = run(objects, requests, rounds)
    rows = [
        {
            "policy": r["policy"],
            "full_collections": r["collections"]["2"],
            "young_collections": int(r["collections"]["0"])
            + int(r["collections"]["1"]),
            "full_max_ms": r["full_max_ms"],
            "all_max_ms": r["all_max_ms"],
            "all_total_ms": r["all_total_ms"],
            "cpu_s": r["cpu_s"],
        }
        for r in data["runs"]
    ]

    def worst(policy, key):
        return max(r[key] for r in rows if r["policy"] == policy)

    return {
        "title": "Garbage-collection pauses, default vs large-cache policy",
        "note": (
            f"{objects} cached records (two tracked containers each), {requests} "
            "simulated requests, policies alternating in fresh processes; "
            "pauses from gc.callbacks."
        ),
        "columns": list(rows[0]),
        "rows": rows,
        "metrics": {
            "default_max_pause_ms": worst("default", "all_max_ms"),
            "large_cache_max_pause_ms": worst("large-cache", "all_max_ms"),
            "default_full_collections": worst("default", "full_collections"),
            "large_cache_full_collections": worst("large-cache", "full_collections"),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=500_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(workload(args.one, args.objects, args.requests)))
        return 0
    print(json.dumps(result(args.objects, args.requests, args.rounds), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
