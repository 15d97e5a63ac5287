"""`make bench` runs end to end (tiny sizes) and leaves a complete report."""

from pathlib import Path
from tests.cluster.harness import postgres_available
import json
import os
import pytest
import subprocess
import sys

pytestmark = pytest.mark.cluster
ROOT = Path(__file__).resolve().parents[2]


def test_bench_runs_and_reports_every_scenario(tmp_path):
    if not postgres_available():
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is not reachable on 127.0.0.1:5432")
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    database = f"servicedesk_bench_smoke_{os.getpid()}"
    command = [
        sys.executable,
        "-m",
        "bench.run",
        "--sizes=200,400",
        "--users=12",
        "--faq=10",
        "--docs=5",
        "--s1-requests=5",
        "--s2-levels=2,4",
        "--s2-seconds=3",
        "--s4-requests=3",
        "--s5-requests=2",
        "--s6-seconds=10",
        "--s6-think=1,2",
        "--s7-requests=4",
        "--w-registrations=5",
        "--w-seed=5",
        "--gc-objects=20000",
        "--gc-requests=20",
        f"--database={database}",
        f"--out={tmp_path}",
        "--reseed",
        "--drop-seed",
    ]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads((tmp_path / "latest.json").read_text())
    assert (tmp_path / "latest.md").read_text().startswith("# collective.servicedesk")
    # DIR: the same pages as a user from a real slapd directory (issue 17).
    # W and GC: bytes per registration and GC pauses (issue 19), outside the cluster.
    assert set(report["results"]) == {
        "S1",
        "S2",
        "S4",
        "S5",
        "S6",
        "S7",
        "DIR",
        "W",
        "GC",
        "WARM",
    }
    assert report["results"]["W"]["metrics"]["bytes_per_registration"] > 0
    assert report["results"]["GC"]["metrics"]["default_full_collections"] >= 0
    for scenario, data in report["results"].items():
        assert data["rows"], scenario
    # No data loss and no failed registration under concurrent writers.
    assert report["results"]["S2"]["metrics"]["failures"] == 0
    assert report["results"]["S2"]["metrics"]["missing"] == 0
    assert sum(row["requests"] for row in report["results"]["S2"]["rows"]) > 0
    # S4 was measured at both sizes; S7 really rendered the panels in one case only.
    assert {row["size"] for row in report["results"]["S4"]["rows"]} == {200, 400}
    assert report["results"]["S7"]["metrics"]["panels_rendered"] is True
    assert report["results"]["S6"]["metrics"]["requests"] > 0
    assert report["results"]["WARM"]["metrics"]["first_statistics_ms"] > 0
    assert len(report["targets"]) == 15
    assert report["mail_delivered"] > 0
