"""bench/warmstart.py: its report section and what it reads from /proc."""

from bench import warmstart
import os


def row(variant: str, first: int) -> dict:
    return {"variant": variant, "first_statistics_ms": first, "ready_s": 10.0}


def test_the_target_is_the_warm_variants_worst_first_request():
    out = warmstart.result(
        [row("cold", 40_000), row("cache+warm-up", 900), row("cache+warm-up", 1200)]
    )
    assert out["metrics"]["first_statistics_ms"] == 1200
    assert out["metrics"]["cold_first_statistics_ms"] == 40_000
    assert out["columns"] == ["variant", "first_statistics_ms", "ready_s"]


def test_cpu_seconds_of_this_process_grow():
    before = warmstart.cpu_seconds(os.getpid())
    sum(i * i for i in range(2_000_000))
    assert warmstart.cpu_seconds(os.getpid()) > before


def test_variants_cover_cache_and_warm_up():
    assert warmstart.VARIANTS["cold"] == {"cache": False, "warmup": False}
    assert warmstart.VARIANTS["cache+warm-up"] == {"cache": True, "warmup": True}
