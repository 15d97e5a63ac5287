"""The step-load report: where p95 crosses 1 s and the last step under it."""

from bench.stepload import result
import pytest


def step(users: int, per_second: float, worst: float | None, failures: int = 0):
    return {
        "users": users,
        "seconds": 30.0,
        "requests": int(per_second * 30),
        "per_second": per_second,
        "failures": failures,
        "p50_ms": 100.0,
        "p95_ms": worst,
        "worst_action": "open inquiry (page)",
        "worst_p95_ms": worst,
        "actions": {
            "open inquiry (page)": {
                "n": 10,
                "p50_ms": 100.0,
                "p95_ms": worst or 0.0,
                "failures": 0,
            }
        },
    }


def data(*steps):
    return {"limit_ms": 1000.0, "settle_s": 15.0, "steps": list(steps)}


def test_crossing_and_last_step_below():
    report = result(
        data(step(10, 0.3, 200), step(50, 1.6, 700), step(100, 3.1, 1400, failures=2)),
        "default",
        "15–45",
    )
    metrics = report["metrics"]
    assert metrics["users_below_limit"] == 50
    assert metrics["per_second_below_limit"] == 1.6
    assert metrics["crossed_at_users"] == 100
    assert metrics["crossed_at_per_second"] == 3.1
    assert metrics["errors"] == 2
    assert "crossed 1000 ms at 100 users" in report["note"]
    assert [row["users"] for row in report["rows"]] == [10, 50, 100]


def test_never_crossed():
    metrics = result(data(step(10, 0.3, 200), step(25, 0.8, 300)), "large-cache", "")[
        "metrics"
    ]
    assert metrics["crossed_at_users"] is None
    assert metrics["users_below_limit"] == 25
    assert metrics["gc_policy"] == "large-cache"


@pytest.mark.parametrize("worst", [1000.1, 5000])
def test_crossed_at_the_first_step(worst):
    metrics = result(data(step(10, 0.3, worst)), "default", "")["metrics"]
    assert metrics["users_below_limit"] == 0
    assert metrics["crossed_at_users"] == 10


def test_a_step_without_enough_requests_does_not_cross():
    metrics = result(data(step(10, 0.1, None), step(25, 0.8, 300)), "default", "")[
        "metrics"
    ]
    assert metrics["crossed_at_users"] is None
    assert metrics["users_below_limit"] == 25
