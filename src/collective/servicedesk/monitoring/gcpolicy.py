"""Garbage-collection policy for instances with large ZODB caches (issue 19).

An instance that holds the catalogue of 100 000 inquiries in its caches tracks
over a million container objects; every full collection walks all of them
with every thread stopped (0.43 s per 265 000 cached objects, measured). The
``large-cache`` policy

- raises the first-generation threshold, so that a request's short-lived
  objects are collected in fewer, larger passes;
- freezes (``gc.freeze()``) what exists at process start (modules, ZCML
  registries, the configuration) and, once more, after the first
  ``SERVICEDESK_GC_FREEZE_AFTER`` requests, when the caches are warm: frozen
  objects are never examined again, so full collections only walk what came
  later.

Chosen with ``SERVICEDESK_GC_POLICY`` (``default`` changes nothing); applied
when the Zope process starts. ``python -m bench.gcpause`` measures the pauses
(docs/reference/benchmarks.md, docs/how-to/production-tuning.md).
"""

from collective.servicedesk import logger
import gc
import os
import threading
import time

ENV = "SERVICEDESK_GC_POLICY"
FREEZE_AFTER_ENV = "SERVICEDESK_GC_FREEZE_AFTER"
DEFAULT_FREEZE_AFTER = 500

# name -> (gc thresholds or None for Python's own, freeze at start and after warm-up)
POLICIES: dict[str, tuple[tuple[int, int, int] | None, bool]] = {
    "default": (None, False),
    "large-cache": ((50_000, 20, 100), True),
}

_state = {"policy": "default", "requests": 0, "frozen_after_warmup": False}
_lock = threading.Lock()

# Full collections longer than this are logged (every thread waits for them).
PAUSE_LOG_SECONDS = 0.2
_pause = {"started": 0.0, "count": 0, "longest": 0.0, "total": 0.0}


def watch_full_collections(phase: str, info: dict) -> None:
    """gc.callbacks: time full (generation 2) collections; log the long ones."""
    if info.get("generation") != 2:
        return
    if phase == "start":
        _pause["started"] = time.perf_counter()
        return
    seconds = time.perf_counter() - _pause["started"]
    _pause["count"] += 1
    _pause["total"] += seconds
    _pause["longest"] = max(_pause["longest"], seconds)
    if seconds >= PAUSE_LOG_SECONDS:
        logger.warning(
            "GC pause: a full collection stopped every thread for %.2f s "
            "(%d objects collected, %d frozen; policy %s)",
            seconds,
            info.get("collected", 0),
            gc.get_freeze_count(),
            _state["policy"],
        )


def pauses() -> dict:
    """Full collections since the process started: count, longest and total s."""
    return dict(_pause)


def configured() -> str:
    """The policy named in the environment (unknown names mean ``default``)."""
    name = (os.environ.get(ENV) or "default").strip().lower()
    if name not in POLICIES:
        logger.warning("Unknown %s=%r: using the default policy.", ENV, name)
        return "default"
    return name


def freeze_after() -> int:
    try:
        return max(0, int(os.environ.get(FREEZE_AFTER_ENV, DEFAULT_FREEZE_AFTER)))
    except ValueError:
        return DEFAULT_FREEZE_AFTER


def freeze() -> int:
    """Collect once, then move every tracked object to the permanent generation."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def apply(name: str | None = None) -> dict:
    """Apply a policy now; return what was done."""
    name = name or configured()
    thresholds, freezes = POLICIES[name]
    _state.update(policy=name, requests=0, frozen_after_warmup=False)
    if watch_full_collections not in gc.callbacks:
        gc.callbacks.append(watch_full_collections)
    if thresholds is not None:
        gc.set_threshold(*thresholds)
    frozen = freeze() if freezes else gc.get_freeze_count()
    result = {"policy": name, "threshold": gc.get_threshold(), "frozen": frozen}
    if name != "default":
        logger.info(
            "GC policy %(policy)s: thresholds %(threshold)s, frozen %(frozen)d", result
        )
    return result


def process_starting(event) -> None:
    """IProcessStarting: apply the configured policy."""
    apply()


def request_ended(event) -> None:
    """IPubEnd: freeze once more after the warm-up requests (large-cache only)."""
    if _state["frozen_after_warmup"] or not POLICIES[_state["policy"]][1]:
        return
    with _lock:
        _state["requests"] += 1
        if _state["requests"] < freeze_after() or _state["frozen_after_warmup"]:
            return
        _state["frozen_after_warmup"] = True
    count = freeze()
    logger.info("GC policy: %d objects frozen after the warm-up", count)


def state() -> dict:
    return dict(_state)
