"""The pure parts of ``make bench-peer``: ratios, the interleaving plan, the report."""

from bench.report import ratio
from bench.report import summary

OPERATIONS = (
    ("create", "create one ticket / register one inquiry (REST)"),
    ("search", "full-text search, first page (REST)"),
    ("queue", "list a queue, first page of 25 (REST)"),
    ("concurrent", "create under N concurrent creators (REST)"),
)


def block_order(block: int) -> tuple[str, str]:
    """Which system goes first in a block: alternating, so drift hits both."""
    return ("ours", "rt") if block % 2 == 0 else ("rt", "ours")


def compare(ours: dict[str, list[float]], rt: dict[str, list[float]]) -> list[dict]:
    """One row per operation: p50/p95 of both (ms) and ours ÷ RT."""
    rows = []
    for name, label in OPERATIONS:
        if name not in ours and name not in rt:
            continue
        mine, theirs = summary(ours.get(name, [])), summary(rt.get(name, []))
        rows.append(
            {
                "operation": name,
                "what": label,
                "n": mine["n"],
                "ours_p50_ms": mine["p50_ms"],
                "ours_p95_ms": mine["p95_ms"],
                "rt_p50_ms": theirs["p50_ms"],
                "rt_p95_ms": theirs["p95_ms"],
                "ratio_p50": ratio(mine["p50_ms"], theirs["p50_ms"]),
                "ratio_p95": ratio(mine["p95_ms"], theirs["p95_ms"]),
            }
        )
    return rows


def memory_row(
    ours_kb: int, rt_kb: int, ours_pss_kb: int = 0, rt_pss_kb: int = 0
) -> dict:
    """RSS sums (and PSS sums, shared pages counted once) of both, with ratios."""
    row = {
        "ours_rss_mb": round(ours_kb / 1024, 1),
        "rt_rss_mb": round(rt_kb / 1024, 1),
        "ratio": ratio(ours_kb, rt_kb),
    }
    if ours_pss_kb and rt_pss_kb:
        row.update(
            ours_pss_mb=round(ours_pss_kb / 1024, 1),
            rt_pss_mb=round(rt_pss_kb / 1024, 1),
            pss_ratio=ratio(ours_pss_kb, rt_pss_kb),
        )
    return row


def markdown(result: dict) -> str:
    """The report as Markdown (what docs/reference/benchmarks-peer.md quotes)."""
    lines = [
        "# Peer comparison: collective.servicedesk ÷ Request Tracker "
        f"{result['rt_version']}",
        "",
        f"Run {result['started']} – {result['finished']} on {result['machine']}.",
        f"Load (uptime) before: {result['load_before']}; "
        f"after: {result['load_after']}.",
        "",
        result["setup"],
        "",
        "| operation | n each | ours p50 | ours p95 | RT p50 | RT p95 "
        "| ours ÷ RT p50 | ours ÷ RT p95 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['what']} | {row['n']} | {row['ours_p50_ms']} ms "
            f"| {row['ours_p95_ms']} ms | {row['rt_p50_ms']} ms "
            f"| {row['rt_p95_ms']} ms "
            f"| {row['ratio_p50']}× | {row['ratio_p95']}× |"
        )
    memory = result["memory"]
    lines += [
        "",
        f"Memory (RSS of the serving processes after the run): ours "
        f"{memory['ours_rss_mb']} MB, RT {memory['rt_rss_mb']} MB: "
        f"**{memory['ratio']}×**.",
    ]
    if "pss_ratio" in memory:
        lines[-1] += (
            f" Proportional set size (pages shared between RT's workers counted "
            f"once): ours {memory['ours_pss_mb']} MB, RT {memory['rt_pss_mb']} MB: "
            f"**{memory['pss_ratio']}×**."
        )
    if result.get("loads"):
        lines += ["", "Load average (1 min) at the start of each block: "]
        lines[-1] += ", ".join(str(load) for load in result["loads"]) + "."
    for note in result.get("notes", []):
        lines += ["", note]
    return "\n".join(lines) + "\n"
