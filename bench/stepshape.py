"""Locust side of the step-load scenario (bench/stepload.py runs it).

The S6 staff users (bench/locustfile.py) with a load shape that raises the
number of users in steps (BENCH_STEP_USERS, e.g. 10,25,50,100,150) of
BENCH_STEP_SECONDS each. Every request is filed under the step it ended in;
the first BENCH_STEP_SETTLE seconds of a step (new users arriving) are not
counted. After a step whose worst action p95 exceeds BENCH_STEP_LIMIT_MS the
run stops: that step is the crossing point. The per-step figures go to
BENCH_STEP_OUTPUT as JSON.
"""

from bench import locustfile
from locust import LoadTestShape
from locust import events
import gevent
import json
import math
import os
import random
import time

STEPS = [int(n) for n in os.environ.get("BENCH_STEP_USERS", "10,25,50").split(",")]
SECONDS = float(os.environ.get("BENCH_STEP_SECONDS", "60"))
SETTLE = float(os.environ.get("BENCH_STEP_SETTLE", "15"))
LIMIT_MS = float(os.environ.get("BENCH_STEP_LIMIT_MS", "1000"))
# An action needs this many requests in a step before its p95 may end the run.
MIN_SAMPLES = int(os.environ.get("BENCH_STEP_MIN_SAMPLES", "5"))
OUTPUT = os.environ.get("BENCH_STEP_OUTPUT", "stepload.json")

_state: dict = {"started": None, "stopped_after": None}
# step index -> action -> [response times (ms)], and failures per step and action
_times: dict[int, dict[str, list[float]]] = {}
_failures: dict[int, dict[str, int]] = {}


def percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile (as the bench's report computes it)."""
    if not values:
        return None
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    return round(ordered[index], 1)


def current_step(now: float | None = None) -> tuple[int, float]:
    """Index of the running step and the seconds since it began."""
    started = _state["started"]
    if started is None:
        return 0, 0.0
    elapsed = (time.monotonic() if now is None else now) - started
    index = int(elapsed // SECONDS)
    return index, elapsed - index * SECONDS


def step_summary(index: int) -> dict:
    """Users, throughput and per-action p50/p95 of one finished step."""
    actions = _times.get(index, {})
    failures = _failures.get(index, {})
    measured = max(1.0, SECONDS - SETTLE)
    every = [t for times in actions.values() for t in times]
    rows = {
        name: {
            "n": len(times),
            "p50_ms": percentile(times, 0.5),
            "p95_ms": percentile(times, 0.95),
            "failures": failures.get(name, 0),
        }
        for name, times in sorted(actions.items())
    }
    judged = {n: r for n, r in rows.items() if r["n"] >= MIN_SAMPLES}
    worst = max(judged.items(), key=lambda item: item[1]["p95_ms"], default=None)
    return {
        "users": STEPS[index],
        "seconds": measured,
        "requests": len(every),
        "per_second": round(len(every) / measured, 2),
        "failures": sum(failures.values()),
        "p50_ms": percentile(every, 0.5),
        "p95_ms": percentile(every, 0.95),
        "worst_action": worst[0] if worst else "",
        "worst_p95_ms": worst[1]["p95_ms"] if worst else None,
        "actions": rows,
    }


def crossed(summary: dict) -> bool:
    return (summary["worst_p95_ms"] or 0) > LIMIT_MS


@events.test_start.add_listener
def _started(environment, **_kw) -> None:
    _state["started"] = time.monotonic()


@events.request.add_listener
def _request(name, response_time, exception=None, **_kw) -> None:
    index, into = current_step()
    if into < SETTLE or index >= len(STEPS):
        return
    if exception is not None:
        counts = _failures.setdefault(index, {})
        counts[name] = counts.get(name, 0) + 1
        return
    _times.setdefault(index, {}).setdefault(name, []).append(response_time)


@events.quit.add_listener
def _write(**_kw) -> None:
    last = _state["stopped_after"]
    done = len(STEPS) if last is None else last + 1
    steps = [step_summary(index) for index in range(done)]
    with open(OUTPUT, "w") as out:
        json.dump({"limit_ms": LIMIT_MS, "settle_s": SETTLE, "steps": steps}, out)


class StepStaff(locustfile.Staff):
    """S6's staff user; arriving users start within the settling time, not at once."""

    def on_start(self) -> None:
        super().on_start()
        gevent.sleep(random.uniform(0, SETTLE))


class StepShape(LoadTestShape):
    """10, 25, 50, … users, a step each BENCH_STEP_SECONDS, until p95 crosses."""

    def tick(self):
        index, _into = current_step()
        if index >= len(STEPS) or _state["stopped_after"] is not None:
            return None
        if index > 0 and crossed(step_summary(index - 1)):
            _state["stopped_after"] = index - 1
            return None
        users = STEPS[index]
        added = users - (STEPS[index - 1] if index else 0)
        # New users arrive over about a third of the settling time.
        return users, max(1.0, added / max(1.0, SETTLE / 3))
