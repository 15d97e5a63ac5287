""" "Who is logged in / last seen": kept in Redis or process memory, never in the ZODB.

Every staff page view calls `touch()`; writing that to the ZODB would turn
reads into conflicting writes, so the data lives outside the database. With a
Redis URL in the registry all Zope processes share it; without one (or while
Redis is down) each process keeps its own view in memory.
"""

from collective.servicedesk import logger
from collective.servicedesk.settings import settings
from collective.servicedesk.workspace.presence.resp import MiniRedis
from collective.servicedesk.workspace.presence.resp import RedisError
from plone import api
import json
import threading
import time

# Skip a repeated touch of the same user within this many seconds.
THROTTLE = 30
# Forget entries older than this (seconds).
MAX_AGE = 2 * 24 * 3600
# After a Redis failure, use memory for this many seconds before retrying.
RETRY_AFTER = 60

_lock = threading.Lock()
_memory: dict[str, dict[str, tuple[float, str]]] = {}
_last_touch: dict[tuple[str, str], float] = {}
_local = threading.local()
_redis_down_until: dict[str, float] = {}


def _site_key() -> str:
    return "/".join(api.portal.get().getPhysicalPath())


def _redis_url() -> str:
    return (settings().workspace.redis_url or "").strip()


def _client(url: str) -> MiniRedis | None:
    """A per-thread connection to Redis, or None while Redis is marked down."""
    if _redis_down_until.get(url, 0) > time.time():
        return None
    clients = getattr(_local, "clients", None)
    if clients is None:
        clients = _local.clients = {}
    if url not in clients:
        clients[url] = MiniRedis(url)
    return clients[url]


def _redis_failed(url: str, error: Exception) -> None:
    logger.warning("Presence: Redis at %s unavailable (%s); using memory.", url, error)
    _redis_down_until[url] = time.time() + RETRY_AFTER
    client = getattr(_local, "clients", {}).pop(url, None)
    if client is not None:
        client.close()


def _remember(site: str, user_id: str, when: float, fullname: str) -> None:
    with _lock:
        entries = _memory.setdefault(site, {})
        entries[user_id] = (when, fullname)


def touch(user_id: str, fullname: str = "", when: float | None = None) -> None:
    """Record that a user was seen now (cheap: throttled, no ZODB)."""
    if not user_id:
        return
    when = time.time() if when is None else when
    site = _site_key()
    key = (site, user_id)
    if when - _last_touch.get(key, 0) < THROTTLE:
        return
    _last_touch[key] = when
    _remember(site, user_id, when, fullname)
    url = _redis_url()
    client = _client(url) if url else None
    if client is None:
        return
    try:
        redis_key = f"collective.servicedesk:seen:{site}"
        value = json.dumps({"t": when, "n": fullname})
        client.command("HSET", redis_key, user_id, value)
        client.command("EXPIRE", redis_key, str(MAX_AGE))
    except (RedisError, OSError) as error:
        _redis_failed(url, error)


def _from_redis(site: str) -> dict[str, tuple[float, str]] | None:
    url = _redis_url()
    client = _client(url) if url else None
    if client is None:
        return None
    try:
        flat = client.command("HGETALL", f"collective.servicedesk:seen:{site}") or []
    except (RedisError, OSError) as error:
        _redis_failed(url, error)
        return None
    result = {}
    for user_id, raw in zip(flat[::2], flat[1::2], strict=True):
        try:
            data = json.loads(raw)
            result[user_id] = (float(data["t"]), str(data.get("n") or ""))
        except (ValueError, KeyError, TypeError):
            continue
    return result


def seen(within_seconds: float | None = None) -> dict[str, tuple[float, str]]:
    """Return {user id: (last seen timestamp, full name)}, newest data wins."""
    site = _site_key()
    with _lock:
        entries = dict(_memory.get(site, {}))
    shared = _from_redis(site)
    if shared:
        for user_id, value in shared.items():
            if value[0] > entries.get(user_id, (0, ""))[0]:
                entries[user_id] = value
    now = time.time()
    limit = within_seconds if within_seconds is not None else MAX_AGE
    return {key: value for key, value in entries.items() if now - value[0] <= limit}


def backend() -> str:
    """Name of the store in use: "redis" or "memory"."""
    url = _redis_url()
    if url and _client(url) is not None:
        return "redis"
    return "memory"


def reset() -> None:
    """Forget everything kept in memory (tests)."""
    with _lock:
        _memory.clear()
        _last_touch.clear()
        _redis_down_until.clear()
    for client in getattr(_local, "clients", {}).values():
        client.close()
    _local.clients = {}
