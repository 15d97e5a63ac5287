"""Log-in while the directory is down, for people who logged in here lately.

Like SSSD's cached credentials on a Linux desktop in an AD domain: after a
successful log-in, a salted scrypt hash of the password is kept in this
process's memory (never in the ZODB, never on disk) for ``offline_hours``.
It is only consulted while the directory cannot be reached. A restart or
another instance forgets it; ``offline_hours = 0`` turns it off.
"""

from collective.servicedesk.settings import settings
import hashlib
import hmac
import os
import threading
import time

_lock = threading.Lock()
_verifiers: dict[str, tuple[str, bytes, bytes, float]] = {}


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)


def remember(login: str, password: str, user_id: str) -> None:
    """Keep a verifier of a password the directory just accepted."""
    if settings().directory.offline_hours <= 0:
        return
    salt = os.urandom(16)
    with _lock:
        _verifiers[login.lower()] = (user_id, salt, _hash(password, salt), time.time())


def check(login: str, password: str) -> str | None:
    """The user id when the password matches a recent verifier, else None."""
    hours = settings().directory.offline_hours
    entry = _verifiers.get((login or "").lower())
    if entry is None or hours <= 0:
        return None
    user_id, salt, digest, stored = entry
    if time.time() - stored > hours * 3600:
        return None
    return user_id if hmac.compare_digest(digest, _hash(password, salt)) else None


def clear() -> None:
    """Forget all verifiers (tests)."""
    with _lock:
        _verifiers.clear()
