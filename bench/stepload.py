"""STEP: staff users raised in steps until an action's p95 crosses 1 s (issue 19).

The S6 users (bench/locustfile.py) under a step shape (bench/stepshape.py):
10, 25, 50, 100, 150, … users, one step each ``--step-seconds``. Every step
reports requests per second and p50/p95 per action; the run stops after the
first step whose worst action p95 exceeds the limit. The last step below the
limit (users and requests/s) is the figure a municipality sizes by. S6 and
STEP run once per garbage-collection policy of ``--gc-policies``, on the same
instances restarted with the policy, so the policies compare in one run.
"""

from bench.data import PASSWORD
from bench.data import staff_accounts
from pathlib import Path
import json
import os
import subprocess
import sys

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LIMIT_MS = 1000


def run_steps(balancer_port: int, args, folder: Path, password: str, tag: str) -> dict:
    """Run locust with the step shape; return its per-step JSON."""
    think_min, think_max = (args.step_think or args.s6_think).split(",")
    steps = [int(n) for n in args.step_users.split(",")]
    output = folder / f"step_{tag}.json"
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        # The seeded accounts; more simulated users than that share accounts.
        BENCH_USERS=str(args.users),
        BENCH_PASSWORD=password,
        BENCH_THINK_MIN=think_min,
        BENCH_THINK_MAX=think_max,
        BENCH_STEP_USERS=args.step_users,
        BENCH_STEP_SECONDS=str(args.step_seconds),
        BENCH_STEP_SETTLE=str(min(float(think_min), args.step_seconds / 3)),
        BENCH_STEP_LIMIT_MS=str(LIMIT_MS),
        BENCH_STEP_OUTPUT=str(output),
    )
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "stepshape.py"),
        "--headless",
        "--host",
        f"http://127.0.0.1:{balancer_port}",
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
        timeout=len(steps) * args.step_seconds + 300,
    )
    (folder / f"step_{tag}_locust.log").write_text(run.stdout + run.stderr)
    if not output.exists():
        raise RuntimeError(f"the step load wrote no result: {run.stderr[-800:]}")
    return json.loads(output.read_text())


def result(data: dict, policy: str, think: str) -> dict:
    """The STEP section of the report from the per-step JSON."""
    steps = data["steps"]
    limit = data["limit_ms"]
    first = next(
        (i for i, s in enumerate(steps) if (s["worst_p95_ms"] or 0) > limit), None
    )
    before = steps if first is None else steps[:first]
    ok = before[-1] if before else None
    crossing = None if first is None else steps[first]
    rows = [
        {
            "users": s["users"],
            "requests": s["requests"],
            "per_second": s["per_second"],
            "failures": s["failures"],
            "p50_ms": s["p50_ms"],
            "p95_ms": s["p95_ms"],
            "worst_action": s["worst_action"],
            "worst_p95_ms": s["worst_p95_ms"],
            "p50/p95 per action": "; ".join(
                f"{name} {a['p50_ms']:.0f}/{a['p95_ms']:.0f} (n={a['n']})"
                for name, a in s["actions"].items()
            ),
        }
        for s in steps
    ]
    if crossing:
        verdict = (
            f"p95 crossed {limit:.0f} ms at {crossing['users']} users "
            f"({crossing['per_second']} requests/s, {crossing['worst_action']})"
        )
    else:
        verdict = f"p95 stayed under {limit:.0f} ms up to the last step"
    return {
        "title": f"Step load: staff users until p95 crosses 1 s (GC policy {policy})",
        "note": f"{verdict}. Steps {', '.join(str(s['users']) for s in steps)} users, "
        f"think time {think} s; the first {data['settle_s']:.0f} s of each step are "
        "not counted; an action needs 5 requests in a step to count for its worst p95.",
        "columns": list(rows[0]) if rows else [],
        "rows": rows,
        "metrics": {
            "gc_policy": policy,
            "users_below_limit": ok["users"] if ok else 0,
            "per_second_below_limit": ok["per_second"] if ok else 0,
            "crossed_at_users": crossing["users"] if crossing else None,
            "crossed_at_per_second": crossing["per_second"] if crossing else None,
            "errors": sum(s["failures"] for s in steps),
        },
    }


def measure(cluster, args, folder: Path, policy: str) -> dict:
    """One step-load run against the running cluster."""
    data = run_steps(cluster.balancer_port, args, folder, PASSWORD, policy)
    return result(data, policy, (args.step_think or args.s6_think).replace(",", "–"))


def staff_load(cluster, args, folder: Path, only: set, run) -> dict:
    """S6 and STEP once per GC policy; results named "S6", "S6 large-cache", …

    ``run`` is bench.run (s6_warm, s6_load, guard, say): this module only
    orchestrates, so that S6 itself stays where it was.
    """
    staff = staff_accounts(args.users)
    agent = next(a[0] for a in staff if a[2] == "servicedesk-frontdesk")
    handler = next(a[0] for a in staff if a[2] == "servicedesk-building")
    lead = next((a[0] for a in staff if a[2] == "servicedesk-leads"), "lead")
    results: dict = {}
    policies = [p for p in args.gc_policies.split(",") if p]
    for position, policy in enumerate(policies):
        suffix = "" if position == 0 else f" {policy}"
        if policy != cluster.gc_policy:
            run.say(f"restarting the instances with the GC policy {policy}")
            cluster.stop()
            cluster.use_gc_policy(policy)
            cluster.start()
        run.say(f"S6/STEP ({policy}): warming both instances")
        try:
            run.s6_warm(cluster, agent, handler, lead)
        except RuntimeError as error:  # measured anyway; the report says so
            run.say(f"warm-up failed: {error}")
        if "S6" in only:
            run.say(f"S6 ({policy}): {args.users} users for {args.s6_seconds} s")
            run.guard(
                results, f"S6{suffix}", lambda: run.s6_load(cluster, args, folder)
            )
            if f"S6{suffix}" in results:
                results[f"S6{suffix}"]["metrics"]["gc_policy"] = policy
        if only & {"STEP", "S6S"}:
            run.say(f"STEP ({policy}): users {args.step_users}")
            run.guard(results, f"STEP{suffix}", measure, cluster, args, folder, policy)
    return results
