"""Follow-up codes: the citizen's key to one inquiry.

The code itself is never stored. The site keeps a BTree of SHA-256 hashes
mapping to the inquiry's UID (and a reverse map, so staff can revoke it), in
an annotation of the portal. A code has 96 random bits, so a plain hash is
enough: nobody can guess a code, and the hashes are useless to a reader.
A look-up is one BTree get by hash: a wrong, revoked or expired code takes
the same path and ends in the same "not found".
"""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.annotations import with_parts
from collective.servicedesk.settings import settings
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from persistent.mapping import PersistentMapping
import hashlib
import hmac
import secrets

ANNOTATION_KEY = "collective.servicedesk.followup_codes"
CODE_BYTES = 12  # 96 bits, 16 characters
MAX_CODE_LENGTH = 64


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()


def _storage(create: bool = False) -> PersistentMapping | None:
    new_storage = with_parts(PersistentMapping, by_hash=OOBTree, by_uid=OOBTree)
    return portal_storage(ANNOTATION_KEY, new_storage, create=create)


def default_days() -> int:
    """Days a new code stays valid (0: until revoked), from the control panel."""
    return settings().desk.followup_code_days


def issue(inquiry, days: int | None = None, now: datetime | None = None) -> str:
    """Create a new code for ``inquiry`` (revoking any older one); return it."""
    revoke(inquiry)
    now = now or datetime.now(UTC)
    days = default_days() if days is None else days
    expires = now + timedelta(days=days) if days else None
    code = secrets.token_urlsafe(CODE_BYTES)
    digest = _hash(code)
    storage = _storage(create=True)
    storage["by_hash"][digest] = (inquiry.UID(), expires, now)
    storage["by_uid"][inquiry.UID()] = digest
    return code


def revoke(inquiry) -> bool:
    """Revoke the code of ``inquiry``; return whether there was one."""
    return revoke_uid(inquiry.UID())


def revoke_uid(uid: str) -> bool:
    """Revoke the code of the inquiry with ``uid``."""
    storage = _storage()
    if storage is None or uid not in storage["by_uid"]:
        return False
    digest = storage["by_uid"].pop(uid)
    storage["by_hash"].pop(digest, None)
    return True


def status(inquiry) -> dict | None:
    """Return ``{"issued", "expires"}`` of the inquiry's code, or None."""
    storage = _storage()
    digest = storage["by_uid"].get(inquiry.UID()) if storage is not None else None
    entry = storage["by_hash"].get(digest) if digest else None
    if entry is None:
        return None
    return {"issued": entry[2], "expires": entry[1]}


def resolve(code: str | None, now: datetime | None = None) -> str | None:
    """Return the UID of the inquiry ``code`` opens, or None.

    No writes, and the same work for every wrong code.
    """
    if not code or len(code) > MAX_CODE_LENGTH:
        code = ""
    digest = _hash(code)
    storage = _storage()
    entry = storage["by_hash"].get(digest) if storage is not None else None
    if entry is None:
        return None
    uid, expires, _issued = entry
    # The digest came out of the tree by equality; compare again in constant
    # time so no later refactoring turns this into a prefix comparison.
    if not hmac.compare_digest(storage["by_uid"].get(uid, ""), digest):
        return None
    if expires is not None and (now or datetime.now(UTC)) >= expires:
        return None
    return uid
