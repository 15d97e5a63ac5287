"""Spam protection without third-party services.

- Honeypot: a field people never see or fill in; bots fill in everything.
- Time trap: the form carries a signed time stamp; a form sent back faster
  than a person can type, or after a day, is refused. Each stamp works once,
  so one captured form cannot be replayed in a loop.
- Rate limit: a moving window of submissions per client address.

Counters and used stamps live in the `limits` library's storage: the shared
Redis of the cluster when the workspace setting *Redis URL* is set (every Zope
process sees the same counts, so a flood spread over the instances behind the
balancer is still one flood), else process memory. Never in the ZODB.
"""

from collective.servicedesk import _
from collective.servicedesk import redisclient
from collective.servicedesk.settings import settings
from limits import RateLimitItemPerSecond
from limits.storage import MemoryStorage
from limits.storage import RedisStorage
from limits.strategies import MovingWindowRateLimiter
from plone.keyring.interfaces import IKeyManager
from zope.component import queryUtility
import hashlib
import hmac
import secrets
import threading
import time

HONEYPOT = "website"
TOKEN_FIELD = "form_started"
MAX_AGE = 24 * 3600


def _secrets() -> list[bytes]:
    manager = queryUtility(IKeyManager)
    if manager is None:
        return [b"collective.servicedesk"]
    found = [key for key in manager["_system"] if key]
    return [key.encode("utf-8") if isinstance(key, str) else key for key in found]


def _signature(payload: str, key: bytes) -> str:
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def make_token(now: float | None = None) -> str:
    """Return a signed time stamp for a freshly rendered form."""
    payload = f"{int(now if now is not None else time.time())}.{secrets.token_hex(6)}"
    return f"{payload}.{_signature(payload, _secrets()[0])}"


# Keys of our counters and stamps in the shared store (reset() clears only these).
KEY_PREFIX = "collective.servicedesk:limits"
_memory = MemoryStorage()
_shared: dict[str, RedisStorage] = {}
_shared_lock = threading.Lock()


def _redis_storage(url: str) -> RedisStorage:
    with _shared_lock:
        storage = _shared.get(url)
        if storage is None:
            storage = _shared[url] = RedisStorage(
                url, connection_pool=redisclient.pool(url), key_prefix=KEY_PREFIX
            )
        return storage


def _in_store(action):
    """Run ``action(storage)`` on the shared store, or in memory without one."""
    url = redisclient.configured_url()
    if redisclient.client(url) is not None:
        try:
            return action(_redis_storage(url))
        except redisclient.RedisError as error:
            redisclient.failed(url, error)
            with _shared_lock:
                _shared.pop(url, None)
    return action(_memory)


def backend() -> str:
    """Where the counters live: "redis" or "memory"."""
    return "redis" if redisclient.client() is not None else "memory"


def _use_stamp(payload: str) -> bool:
    """Mark a form stamp used; False when it was used before (anywhere)."""
    key = f"stamp/{payload}"
    return _in_store(lambda storage: storage.incr(key, MAX_AGE)) == 1


def check_token(
    token: str | None, now: float | None = None, consume: bool = False
) -> str | None:
    """Return None for a good stamp, else why not (too_fast, expired, invalid…).

    With ``consume`` the stamp is used up: sending the same form again fails.
    """
    now = now if now is not None else time.time()
    parts = (token or "").split(".")
    if len(parts) != 3 or not parts[0].isdigit():
        return "invalid"
    payload = f"{parts[0]}.{parts[1]}"
    if not any(
        hmac.compare_digest(parts[2], _signature(payload, key)) for key in _secrets()
    ):
        return "invalid"
    age = now - int(parts[0])
    minimum = settings().desk.citizen_min_seconds
    if age < minimum:
        return "too_fast"
    if age > MAX_AGE:
        return "expired"
    if consume and not _use_stamp(payload):
        return "replayed"
    return None


class RateLimiter:
    """A moving window of ``window`` seconds per key (client address, code hash).

    Counting stops at the limit: a key over its limit is let through again once
    the oldest counted attempt has left the window.
    """

    def __init__(self, name: str, window: int = 3600) -> None:
        self.name = name
        self.window = window

    def _item(self, limit: int) -> RateLimitItemPerSecond:
        return RateLimitItemPerSecond(limit, self.window, namespace="servicedesk")

    def allow(self, key: str, limit: int) -> bool:
        """Count one attempt of ``key``; return False when over ``limit``."""
        item = self._item(limit)
        return _in_store(
            lambda storage: MovingWindowRateLimiter(storage).hit(item, self.name, key)
        )

    def over(self, key: str, limit: int) -> bool:
        """Has ``key`` reached ``limit`` in the window? (Counts nothing.)"""
        item = self._item(limit)
        return not _in_store(
            lambda storage: MovingWindowRateLimiter(storage).test(item, self.name, key)
        )

    def count(self, key: str, limit: int) -> None:
        """Count one event of ``key`` (towards ``limit``)."""
        self.allow(key, limit)


TOO_MANY = _(
    "citizen_code_too_many",
    default="Too many attempts from your network. Please wait a few minutes.",
)
SUBMISSIONS = RateLimiter("submissions")
# Follow-up code look-ups. Wrong codes count against the client that sent
# them (stops anyone trying codes in bulk); uses of a valid code count against
# that code only (a leaked code cannot be hammered). Neither counter ever
# refuses a valid code to its holder on another client because of someone
# else's guesses.
LOOKUP_FAILURES = RateLimiter("lookup_failures", window=600)
LOOKUP_LIMIT = 60
CODE_USES = RateLimiter("code_uses", window=600)
CODE_USE_LIMIT = 300
# Counting "the FAQ answered my question" (anonymous, once per click).
ANSWERED = RateLimiter("answered", window=600)
ANSWERED_LIMIT = 60


def client_key(request) -> str:
    """The client address as Zope resolves it (trusted proxies, see zope.conf)."""
    return request.getClientAddr() or "unknown"


def submission_allowed(request) -> bool:
    """Count a form submission of this client; False when over the limit."""
    limit = settings().desk.citizen_rate_limit
    return SUBMISSIONS.allow(client_key(request), limit)


def lookups_blocked(request) -> bool:
    """Has this client sent too many wrong codes lately?"""
    return LOOKUP_FAILURES.over(client_key(request), LOOKUP_LIMIT)


def lookup_failed(request) -> None:
    """Count a wrong (unknown, revoked or expired) code against the client."""
    LOOKUP_FAILURES.count(client_key(request), LOOKUP_LIMIT)


def code_use_allowed(code: str) -> bool:
    """Count one use of a valid code; False when that code is over its limit."""
    digest = hashlib.sha256(code.strip().encode("utf-8")).hexdigest()
    return CODE_USES.allow(digest, CODE_USE_LIMIT)


def answered_allowed(request) -> bool:
    """Count one "answered by the FAQ" click of this client."""
    return ANSWERED.allow(client_key(request), ANSWERED_LIMIT)


def reset() -> None:
    """Forget all counters and used stamps (tests, or after a false alarm)."""
    _memory.reset()
    _in_store(lambda storage: storage.reset())
