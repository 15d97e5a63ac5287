"""The shared Redis of a cluster (presence, rate limits, used stamps), through redis-py.

One URL, the workspace setting *Redis URL* (``redis://`` or, with TLS,
``rediss://``; user, database and options such as ``?ssl_ca_certs=/path/ca.pem``
go in the URL, the password in ``SERVICEDESK_REDIS_PASSWORD``), serves every
feature that must be shared between Zope processes. Each process keeps one
connection pool per URL. Redis is optional: without a URL, without the
``redis`` extra installed, or while the server does not answer, callers get
``None`` and use process memory; after a failure Redis is left alone for
``RETRY_AFTER`` seconds so a dead server does not slow every request down.
"""

from collective.servicedesk import logger
from collective.servicedesk.settings import settings
from collective.servicedesk.settings.secrets import url_with_secret
from plone.api.exc import CannotGetPortalError
from urllib.parse import urlsplit
from urllib.parse import urlunsplit
import threading
import time

try:  # the optional extra "redis"
    import redis
except ImportError:  # pragma: no cover - the test extra installs it
    redis = None

# After a failure, use memory for this many seconds before trying again.
RETRY_AFTER = 60
# Presence and rate limits must never hold a request up for long.
TIMEOUT = 0.5

_lock = threading.Lock()
_pools: dict[str, object] = {}
_down_until: dict[str, float] = {}

if redis is not None:
    RedisError = redis.exceptions.RedisError
else:  # pragma: no cover

    class RedisError(Exception):
        """Never raised: without redis-py nothing talks to Redis."""


def configured_url() -> str:
    """The Redis URL of the site ("" when presence and limits stay in memory)."""
    try:
        url = (settings().workspace.redis_url or "").strip()
    except CannotGetPortalError:  # no site (a test fixture, a script): memory
        return ""
    # The password comes from the environment, like every other secret.
    return url_with_secret(url, "redis_password")


def safe_url(url: str) -> str:
    """The URL without its password, for log lines."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (
        f":{parts.port}" if parts.port else ""
    )
    return urlunsplit(parts._replace(netloc=netloc))


def pool(url: str):
    """This process's connection pool for ``url`` (made on first use)."""
    with _lock:
        found = _pools.get(url)
        if found is None:
            found = _pools[url] = redis.ConnectionPool.from_url(
                url,
                decode_responses=True,
                socket_timeout=TIMEOUT,
                socket_connect_timeout=TIMEOUT,
                health_check_interval=30,
            )
        return found


def client(url: str | None = None):
    """A client on the shared pool, or None (no URL, no redis-py, or marked down)."""
    url = configured_url() if url is None else url
    if not url or _down_until.get(url, 0) > time.time():
        return None
    if redis is None:  # pragma: no cover - the test extra installs redis-py
        failed(url, RedisError("redis-py is not installed (extra 'redis')"))
        return None
    try:
        return redis.Redis(connection_pool=pool(url))
    except ValueError as error:  # a malformed URL: say so, use memory
        failed(url, error)
        return None


def failed(url: str, error: Exception) -> None:
    """Mark ``url`` down for RETRY_AFTER seconds and drop its connections."""
    logger.warning("Redis at %s unavailable (%s); using memory.", safe_url(url), error)
    with _lock:
        _down_until[url] = time.time() + RETRY_AFTER
        found = _pools.pop(url, None)
    if found is not None:
        found.disconnect()


def reset() -> None:
    """Forget the pools and the down marks (tests, or after a settings change)."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
        _down_until.clear()
    for found in pools:
        found.disconnect()
