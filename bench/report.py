"""Percentiles, targets and the Markdown/JSON report of ``make bench``."""

from collective.servicedesk.statistics.compute import percentile
from pathlib import Path
import json
import os
import platform
import subprocess

# (scenario, metric key, comparison, limit, what it means)
TARGETS = (
    ("S1", "ratio_p50", "<=", 1.2, "register ÷ plain Document, p50"),
    ("S1", "p95_ms", "<=", 1000, "register p95 (ms)"),
    ("S2", "failures", "==", 0, "final failures, every writer level"),
    ("S2", "missing", "==", 0, "acknowledged inquiries missing afterwards"),
    (
        "S2",
        "retries_per_100_at_10",
        "<",
        1.0,
        "conflict retries per 100 requests, 10 writers",
    ),
    (
        "S4",
        "p95_ms_at_max",
        "<=",
        1000,
        "search and queues p95 at the largest size (ms)",
    ),
    ("S5", "p95_ms", "<=", 2000, "statistics p95 at the largest size (ms)"),
    (
        "WARM",
        "first_statistics_ms",
        "<=",
        3000,
        "first whole-year statistics after a restart, warm (ms)",
    ),
    ("S6", "errors", "==", 0, "errors of 100 simulated staff users"),
    ("S6", "worst_p95_ms", "<=", 1000, "worst action p95 (ms)"),
    ("S7", "ratio_p50", "<=", 1.1, "page with panels ÷ without, p50"),
    ("S7", "delta_p50_ms", "<=", 10, "added p50 (ms)"),
    ("DIR", "S7_ratio_p50", "<=", 1.1, "page with panels, directory ÷ local user, p50"),
    ("DIR", "S1_ratio_p50", "<=", 1.1, "register, directory ÷ local user, p50"),
    (
        "W",
        "bytes_per_registration",
        "<=",
        64 * 1024,
        "bytes appended to FileStorage per REST registration",
    ),
)


def summary(seconds: list[float]) -> dict:
    """n, p50, p95, max and mean in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": _round(percentile(ms, 0.5)),
        "p95_ms": _round(percentile(ms, 0.95)),
        "max_ms": _round(max(ms)) if ms else None,
        "mean_ms": _round(sum(ms) / len(ms)) if ms else None,
    }


def ratio(value: float | None, baseline: float | None) -> float | None:
    if value is None or not baseline:
        return None
    return round(value / baseline, 2)


def growth_rows(measured: dict[int, dict]) -> list[dict]:
    """Rows of the growth table: each case's cost per size, largest ÷ smallest.

    ``measured`` maps a size to ``{(scenario, case): cost}``; a case missing
    at a size shows as "–" and has no ratio.
    """
    sizes = sorted(measured)
    keys = sorted({key for costs in measured.values() for key in costs})
    rows = []
    for scenario, case in keys:
        row = {"scenario": scenario, "case": case}
        for size in sizes:
            row[str(size)] = measured[size].get((scenario, case))
        row["ratio"] = ratio(row[str(sizes[-1])], row[str(sizes[0])])
        rows.append(row)
    return rows


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def check(value, comparison: str, limit) -> bool | None:
    """Whether a metric meets its target; None when it was not measured."""
    if value is None:
        return None
    return {
        "<=": value <= limit,
        "<": value < limit,
        "==": value == limit,
    }[comparison]


def evaluate(results: dict) -> list[dict]:
    """One row per target with the measured value and whether it is met."""
    rows = []
    for scenario, key, comparison, limit, meaning in TARGETS:
        value = (results.get(scenario) or {}).get("metrics", {}).get(key)
        rows.append(
            {
                "scenario": scenario,
                "metric": key,
                "target": f"{comparison} {limit}",
                "meaning": meaning,
                "value": value,
                "met": check(value, comparison, limit),
            }
        )
    return rows


def machine() -> dict:
    """What the numbers came from."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        pg = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-tAc",
                "show server_version",
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        pg = ""
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "system": platform.platform(),
        "postgresql": pg,
    }


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _table(rows: list[dict], columns: list[str]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(_cell(row.get(c)) for c in columns) + " |")
    return lines


def markdown(report: dict) -> str:
    """The human-readable report."""
    lines = [
        "# collective.servicedesk benchmark",
        "",
        f"Run {report['started']} – {report['finished']} "
        f"({report['duration_s']:.0f} s), storage: {report['storage']}.",
        "",
        "Machine: " + ", ".join(f"{k} {v}" for k, v in report["machine"].items() if v),
        "",
        "Parameters: "
        + ", ".join(f"{k}={v}" for k, v in sorted(report["parameters"].items())),
        "",
        "## Targets",
        "",
    ]
    targets = [
        dict(row, met={True: "met", False: "**missed**", None: "not run"}[row["met"]])
        for row in report["targets"]
    ]
    lines += _table(targets, ["scenario", "meaning", "target", "value", "met"])
    for scenario, result in report["results"].items():
        lines += ["", f"## {scenario} — {result['title']}", ""]
        if result.get("note"):
            lines += [result["note"], ""]
        lines += _table(result["rows"], result["columns"])
        metrics = result.get("metrics") or {}
        if metrics:
            lines += [
                "",
                "Metrics: "
                + ", ".join(f"{k} = {_cell(v)}" for k, v in metrics.items()),
            ]
    if report.get("memory"):
        lines += [
            "",
            "Resident memory of the two instances (MB): "
            + ", ".join(f"{k} {v}" for k, v in report["memory"].items()),
        ]
    if report.get("seeding"):
        lines += ["", "## Seeding", ""]
        lines += _table(report["seeding"], ["size", "seconds", "per_second"])
    return "\n".join(lines) + "\n"


def write(report: dict, folder: Path) -> tuple[Path, Path]:
    """Write report.json and report.md into folder (and the latest copies)."""
    folder.mkdir(parents=True, exist_ok=True)
    json_path = folder / "report.json"
    md_path = folder / "report.md"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    md_path.write_text(markdown(report))
    latest = folder.parent
    (latest / "latest.json").write_text(json_path.read_text())
    (latest / "latest.md").write_text(md_path.read_text())
    return json_path, md_path
