"""Log who opened a confidential inquiry, and when, WITHOUT writing to the ZODB.

A GET must never write to the database (it would turn reads into conflicts),
so reads are logged through the Python logger ``collective.servicedesk.access``
as one JSON line each, to an append-only file: ``$SERVICEDESK_ACCESS_LOG`` or
``<instance var>/log/servicedesk-access.log``. Log rotation (logrotate with
copytruncate, or a WatchedFileHandler-friendly move) and retention of that
file are the operator's job; leads read it with ``@@servicedesk-access-log``.
"""

from Acquisition import aq_base
from App.config import getConfiguration
from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.interfaces import IServiceDeskLayer
from datetime import UTC
from datetime import datetime
from logging.handlers import WatchedFileHandler
from pathlib import Path
from plone import api
import json
import logging
import os
import threading

ENV_VAR = "SERVICEDESK_ACCESS_LOG"
audit = logging.getLogger("collective.servicedesk.access")
audit.setLevel(logging.INFO)
audit.propagate = False  # keep the audit trail out of the general event log
_handler_lock = threading.Lock()
_handler: logging.Handler | None = None


def log_path() -> Path | None:
    """Return the path of the access log file (None if it cannot be known)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    home = getattr(getConfiguration(), "clienthome", None)
    return Path(home) / "log" / "servicedesk-access.log" if home else None


def _ensure_handler() -> None:
    """Attach a file handler for the current path (again if the path changed)."""
    global _handler
    path = log_path()
    with _handler_lock:
        current = getattr(_handler, "baseFilename", None)
        if path is None or current == str(path.resolve()):
            return
        if _handler is not None:
            audit.removeHandler(_handler)
            _handler.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        _handler = WatchedFileHandler(path, encoding="utf-8")
        _handler.setFormatter(logging.Formatter("%(message)s"))
        audit.addHandler(_handler)


def log_access(obj: object, request: object, view: str) -> dict:
    """Write one access record for ``obj`` and return it."""
    user = api.user.get_current()
    entry = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "user": user.getId(),
        "uid": api.content.get_uuid(obj),
        "reference": getattr(obj, "reference_number", None) or "",
        "path": "/".join(obj.getPhysicalPath()),
        "view": view,
        "method": request.get("REQUEST_METHOD", ""),
    }
    _ensure_handler()
    audit.info(json.dumps(entry, ensure_ascii=False))
    return entry


def _inquiry_of(published: object) -> object | None:
    """Return the inquiry a published view, service or object belongs to."""
    candidate = getattr(published, "context", None)
    if candidate is None:
        candidate = getattr(published, "__self__", None) or published
    return candidate if IInquiry.providedBy(candidate) else None


def on_success(event: object) -> None:
    """IPubSuccess subscriber: log successful requests to confidential inquiries."""
    request = event.request
    if not IServiceDeskLayer.providedBy(request):
        return
    obj = _inquiry_of(request.get("PUBLISHED"))
    if obj is None or getattr(aq_base(obj), "confidential", False) is not True:
        return
    if api.user.is_anonymous():
        return
    published = request.get("PUBLISHED")
    view = getattr(published, "__name__", "") or type(published).__name__
    log_access(obj, request, view)


def _lines_backwards(path: Path, block: int = 64 * 1024):
    """Yield the lines of ``path`` from the last to the first."""
    with path.open("rb") as stream:
        stream.seek(0, os.SEEK_END)
        position = stream.tell()
        rest = b""
        while position > 0:
            step = min(block, position)
            position -= step
            stream.seek(position)
            lines = (stream.read(step) + rest).split(b"\n")
            rest = lines.pop(0)
            for line in reversed(lines):
                if line:
                    yield line.decode("utf-8", "replace")
        if rest:
            yield rest.decode("utf-8", "replace")


def read_entries(limit: int = 500, reference: str = "", user: str = "") -> list[dict]:
    """Return the newest ``limit`` records (filtered), newest first."""
    path = log_path()
    if path is None or not path.exists():
        return []
    found = []
    for line in _lines_backwards(path):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if reference and entry.get("reference") != reference:
            continue
        if user and entry.get("user") != user:
            continue
        found.append(entry)
        if len(found) >= limit:
            break
    return found
