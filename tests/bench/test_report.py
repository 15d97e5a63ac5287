"""The benchmark report: percentiles, ratios and target checks (bench/report.py)."""

from bench.report import TARGETS
from bench.report import evaluate
from bench.report import markdown
from bench.report import percentile
from bench.report import ratio
from bench.report import summary
import pytest


def test_nearest_rank_percentiles():
    values = list(range(1, 101))
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.95) == 95
    assert percentile([7.0], 0.95) == 7.0
    assert percentile([], 0.5) is None


def test_summary_is_in_milliseconds():
    result = summary([0.010, 0.020, 0.030, 0.040])
    assert result == {
        "n": 4,
        "p50_ms": 20.0,
        "p95_ms": 40.0,
        "max_ms": 40.0,
        "mean_ms": 25.0,
    }


def test_ratio_needs_a_baseline():
    assert ratio(30.0, 20.0) == 1.5
    assert ratio(30.0, 0) is None
    assert ratio(None, 20.0) is None


@pytest.mark.parametrize(
    ("scenario", "metric", "value", "met"),
    [
        ("S1", "ratio_p50", 1.2, True),
        ("S1", "ratio_p50", 1.21, False),
        ("S2", "failures", 0, True),
        ("S2", "failures", 1, False),
        ("S2", "retries_per_100_at_10", 0.99, True),
        ("S2", "retries_per_100_at_10", 1.0, False),
        ("S7", "delta_p50_ms", 10, True),
        ("S7", "delta_p50_ms", 11, False),
    ],
)
def test_targets(scenario, metric, value, met):
    rows = evaluate({scenario: {"metrics": {metric: value}}})
    row = next(r for r in rows if r["scenario"] == scenario and r["metric"] == metric)
    assert row["met"] is met


def test_unmeasured_targets_are_not_run():
    rows = evaluate({})
    assert len(rows) == len(TARGETS)
    assert all(row["met"] is None for row in rows)


def test_markdown_names_every_target_and_scenario():
    results = {
        "S1": {
            "title": "Register",
            "columns": ["case", "p50_ms"],
            "rows": [{"case": "register", "p50_ms": 12.5}],
            "metrics": {"ratio_p50": 1.1, "p95_ms": 40},
        }
    }
    report = {
        "started": "2026-11-26T10:00:00",
        "finished": "2026-11-26T10:10:00",
        "duration_s": 600,
        "storage": "RelStorage",
        "machine": {"cores": 2},
        "parameters": {"sizes": "10"},
        "seeding": [{"size": 10, "seconds": 1, "per_second": 10}],
        "results": results,
        "targets": evaluate(results),
    }
    text = markdown(report)
    assert "| S1 | register ÷ plain Document, p50 | <= 1.2 | 1.1 | met |" in text
    assert "not run" in text
    assert "| register | 12.5 |" in text
