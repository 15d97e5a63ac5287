""" "Who is logged in / last seen": kept in Redis or process memory, never in the ZODB.

Every staff page view calls `touch()`; writing that to the ZODB would turn
reads into conflicting writes, so the data lives outside the database. With a
Redis URL in the registry all Zope processes share it; without one (or while
Redis is down) each process keeps its own view in memory.
"""

from collective.servicedesk import redisclient
from plone import api
import json
import threading
import time

# Skip a repeated touch of the same user within this many seconds.
THROTTLE = 30
# Forget entries older than this (seconds).
MAX_AGE = 2 * 24 * 3600

_lock = threading.Lock()
_memory: dict[str, dict[str, tuple[float, str]]] = {}
_last_touch: dict[tuple[str, str], float] = {}


def _site_key() -> str:
    return "/".join(api.portal.get().getPhysicalPath())


def _redis_key(site: str) -> str:
    return f"collective.servicedesk:seen:{site}"


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
    url = redisclient.configured_url()
    client = redisclient.client(url)
    if client is None:
        return
    value = json.dumps({"t": when, "n": fullname})
    try:
        with client.pipeline(transaction=False) as pipe:
            pipe.hset(_redis_key(site), user_id, value)
            pipe.expire(_redis_key(site), MAX_AGE)
            pipe.execute()
    except redisclient.RedisError as error:
        redisclient.failed(url, error)


def _from_redis(site: str) -> dict[str, tuple[float, str]] | None:
    url = redisclient.configured_url()
    client = redisclient.client(url)
    if client is None:
        return None
    try:
        stored = client.hgetall(_redis_key(site))
    except redisclient.RedisError as error:
        redisclient.failed(url, error)
        return None
    result = {}
    for user_id, raw in stored.items():
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
    return "redis" if redisclient.client() is not None else "memory"


def reset() -> None:
    """Forget everything kept in memory (tests)."""
    with _lock:
        _memory.clear()
        _last_touch.clear()
    redisclient.reset()
