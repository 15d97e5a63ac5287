"""Keyed hashes of contact data: find a person's inquiries without a text index.

Personal data never goes into ``SearchableText``. Instead each inquiry is
indexed under HMAC-SHA256 hashes of its normalised e-mail addresses, phone
numbers and names (``contact_hashes``). The key is a random secret of this
site, so the index neither reveals the data nor can be probed by someone who
guesses an address: only code on the server can compute a lookup hash.
"""

from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.validation import normalise_email
from collective.servicedesk.validation import normalise_name
from collective.servicedesk.validation import normalise_phone
import hashlib
import hmac
import secrets

__all__ = [
    "NORMALISERS",
    "contact_hash",
    "contact_hashes",
    "normalise_email",
    "normalise_name",
    "normalise_phone",
]

SECRET_KEY = "collective.servicedesk.privacy.secret"


def _secret(create: bool) -> bytes | None:
    return portal_storage(SECRET_KEY, lambda: secrets.token_bytes(32), create=create)


NORMALISERS = {
    "email": normalise_email,
    "phone": normalise_phone,
    "name": normalise_name,
}


def contact_hash(kind: str, value: str, create: bool = False) -> str | None:
    """Return the lookup hash of a contact value (None if empty or no secret yet)."""
    normalised = NORMALISERS[kind](value)
    if not normalised:
        return None
    secret = _secret(create)
    if secret is None:
        return None
    message = f"{kind}:{normalised}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:40]


def contact_hashes(contacts: dict[str, list[str]], create: bool = False) -> list[str]:
    """Return the hashes of ``{"email": [...], "phone": [...], "name": [...]}``."""
    hashes = []
    for kind, values in contacts.items():
        for value in values:
            digest = contact_hash(kind, value, create)
            if digest and digest not in hashes:
                hashes.append(digest)
    return hashes
