"""Personal secret tokens for calendar feed URLs: stored hashed, revocable.

The token itself is shown once, when it is created; only its SHA-256 hash is
stored, so a copy of the database does not reveal working feed URLs.
"""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from datetime import UTC
from datetime import datetime
import hashlib
import secrets

ANNOTATION_KEY = "collective.servicedesk.calendar_tokens"
MAX_PER_USER = 10


def _storage(create: bool = False) -> OOBTree | None:
    return portal_storage(ANNOTATION_KEY, create=create)


def digest(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(user_id: str, label: str = "") -> str:
    """Create a token for a user and return it (the only time it is visible)."""
    if not user_id:
        raise ValueError("user_id")
    if len(list_tokens(user_id)) >= MAX_PER_USER:
        raise ValueError("too many tokens")
    token = secrets.token_urlsafe(32)
    _storage(create=True)[digest(token)] = {
        "user": user_id,
        "label": (label or "").strip()[:80],
        "created": datetime.now(UTC),
    }
    return token


def owner(token: str) -> str | None:
    """The user id a token belongs to, or None (unknown or revoked)."""
    tree = _storage()
    if tree is None or not token or len(token) > 100:
        return None
    record = tree.get(digest(token))
    return record["user"] if record else None


def list_tokens(user_id: str) -> list[dict]:
    """The user's tokens as [{id, label, created}] (id = hash prefix, not the token)."""
    tree = _storage()
    if tree is None:
        return []
    return sorted(
        (
            {"id": key[:16], "label": record["label"], "created": record["created"]}
            for key, record in tree.items()
            if record["user"] == user_id
        ),
        key=lambda item: item["created"],
    )


def revoke(user_id: str, token_id: str) -> bool:
    """Revoke one of the user's tokens by its id; True if one was removed."""
    tree = _storage()
    if tree is None or len(token_id or "") < 16:
        return False
    for key in list(tree.keys(min=token_id, max=token_id + "\uffff")):
        if tree[key]["user"] == user_id:
            del tree[key]
            return True
    return False
