"""Spam protection without third-party services.

- Honeypot: a field people never see or fill in; bots fill in everything.
- Time trap: the form carries a signed time stamp; a form sent back faster
  than a person can type, or after a day, is refused. Each stamp works once
  per process, so one captured form cannot be replayed in a loop.
- Rate limit: a sliding window of submissions per client address, in memory
  (no database writes; per process, which is enough to stop a flood).
"""

from collections import deque
from collective.servicedesk import _
from collective.servicedesk.settings import settings
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


class _UsedTokens:
    """Stamps already accepted by this process (forgotten after MAX_AGE)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: dict[str, float] = {}

    def use(self, token: str, now: float) -> bool:
        with self.lock:
            if len(self.seen) > 10000:
                self.seen = {k: t for k, t in self.seen.items() if now - t < MAX_AGE}
            if token in self.seen:
                return False
            self.seen[token] = now
            return True

    def clear(self) -> None:
        with self.lock:
            self.seen.clear()


USED_TOKENS = _UsedTokens()


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
    if consume and not USED_TOKENS.use(payload, now):
        return "replayed"
    return None


class RateLimiter:
    """Sliding-window counter per key (client address), thread-safe."""

    def __init__(self, window: float = 3600.0) -> None:
        self.window = window
        self.lock = threading.Lock()
        self.hits: dict[str, deque] = {}

    def _recent(self, key: str, now: float) -> deque:
        if len(self.hits) > 50000:  # bound the memory under a wide attack
            self._prune(now)
        hits = self.hits.setdefault(key, deque())
        while hits and now - hits[0] >= self.window:
            hits.popleft()
        return hits

    def allow(self, key: str, limit: int, now: float | None = None) -> bool:
        """Count one attempt of ``key``; return False when over ``limit``."""
        now = now if now is not None else time.monotonic()
        with self.lock:
            hits = self._recent(key, now)
            if len(hits) >= limit:
                return False
            hits.append(now)
            return True

    def over(self, key: str, limit: int, now: float | None = None) -> bool:
        """Has ``key`` reached ``limit`` in the window? (Counts nothing.)"""
        now = now if now is not None else time.monotonic()
        with self.lock:
            return len(self._recent(key, now)) >= limit

    def count(self, key: str, now: float | None = None) -> None:
        """Count one event of ``key``."""
        now = now if now is not None else time.monotonic()
        with self.lock:
            self._recent(key, now).append(now)

    def _prune(self, now: float) -> None:
        self.hits = {
            key: hits
            for key, hits in self.hits.items()
            if hits and now - hits[-1] < self.window
        }

    def clear(self) -> None:
        with self.lock:
            self.hits.clear()


TOO_MANY = _(
    "citizen_code_too_many",
    default="Too many attempts from your network. Please wait a few minutes.",
)
SUBMISSIONS = RateLimiter()
# Follow-up code look-ups. Wrong codes count against the client that sent
# them (stops anyone trying codes in bulk); uses of a valid code count against
# that code only (a leaked code cannot be hammered). Neither counter ever
# refuses a valid code to its holder on another client because of someone
# else's guesses.
LOOKUP_FAILURES = RateLimiter(window=600.0)
LOOKUP_LIMIT = 60
CODE_USES = RateLimiter(window=600.0)
CODE_USE_LIMIT = 300
# Counting "the FAQ answered my question" (anonymous, once per click).
ANSWERED = RateLimiter(window=600.0)
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
    LOOKUP_FAILURES.count(client_key(request))


def code_use_allowed(code: str) -> bool:
    """Count one use of a valid code; False when that code is over its limit."""
    digest = hashlib.sha256(code.strip().encode("utf-8")).hexdigest()
    return CODE_USES.allow(digest, CODE_USE_LIMIT)


def answered_allowed(request) -> bool:
    """Count one "answered by the FAQ" click of this client."""
    return ANSWERED.allow(client_key(request), ANSWERED_LIMIT)


def reset() -> None:
    """Forget all counters and used stamps (tests, or after a false alarm)."""
    SUBMISSIONS.clear()
    LOOKUP_FAILURES.clear()
    CODE_USES.clear()
    ANSWERED.clear()
    USED_TOKENS.clear()
