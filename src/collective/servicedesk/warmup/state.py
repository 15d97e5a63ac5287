"""Whether this process is warm: read by the readiness view, set by the warm-up."""

import os
import threading

_lock = threading.Lock()
_state: dict = {"ready": True, "phase": "off", "seconds": None, "error": ""}


def enabled() -> bool:
    """SERVICEDESK_WARMUP=1: warm up at start and answer "not ready" until done."""
    return os.environ.get("SERVICEDESK_WARMUP", "0").strip().lower() in (
        "1",
        "true",
        "on",
        "yes",
    )


def set_phase(phase: str, **values) -> None:
    """Record the warm-up's phase; "ready" (or "failed") lets the balancer in."""
    with _lock:
        _state.update(values, phase=phase, ready=phase in ("off", "ready", "failed"))


def is_ready() -> bool:
    return _state["ready"]


def snapshot() -> dict:
    with _lock:
        return dict(_state)
