"""Log every write conflict the publisher retries or gives up on.

Zope retries a request that ends in a ``ConflictError`` (up to three times,
after a random back-off) without a trace in the log, so hot objects stay
invisible until users see errors. This subscriber logs each retry at INFO
and each final failure at WARNING, with the request path and the conflict's
own description (object id and class), and keeps per-process counts. The
benchmark (``make bench``) reads these lines to report retries per 100 requests.
"""

from collections import Counter
from ZODB.POSException import ConflictError
from zope.component import adapter
from ZPublisher.interfaces import IPubFailure
import logging
import threading

logger = logging.getLogger("collective.servicedesk.conflicts")
COUNTS: Counter = Counter()
_lock = threading.Lock()


def _conflict(exc_info) -> ConflictError | None:
    error = exc_info[1] if exc_info else None
    return error if isinstance(error, ConflictError) else None


def _class_of(event, error: ConflictError) -> str:
    """The class of the conflicting object (e.g. a BTree bucket), or ''."""
    oid = getattr(error, "oid", None)
    if error.class_name or oid is None:
        return error.class_name or ""
    try:
        jar = event.request["PARENTS"][-1]._p_jar
        obj = jar.get(oid)
        return f"{type(obj).__module__}.{type(obj).__name__}"
    except Exception:  # noqa: BLE001 - the log line must never fail the request
        return ""


@adapter(IPubFailure)
def log_conflict(event) -> None:
    """Count and log a conflict (retried or final) with where it happened."""
    error = _conflict(event.exc_info)
    if error is None:
        return
    kind = "retried" if event.retry else "failed"
    with _lock:
        COUNTS[kind] += 1
    path = event.request.get("PATH_INFO", "")
    attempt = getattr(event.request, "retry_count", 0) + 1
    kind_of = _class_of(event, error)
    if event.retry:
        logger.info(
            "conflict retried: %s attempt %d on %s: %s", path, attempt, kind_of, error
        )
    else:
        logger.warning(
            "conflict failed: %s attempt %d on %s: %s", path, attempt, kind_of, error
        )


def record_retry(what: str, attempt: int, error: ConflictError) -> None:
    """Count and log a conflict that our own code retries (no publisher retry)."""
    with _lock:
        COUNTS["retried"] += 1
    logger.info(
        "conflict retried: %s attempt %d on %s: %s",
        what,
        attempt,
        error.class_name or "",
        error,
    )
