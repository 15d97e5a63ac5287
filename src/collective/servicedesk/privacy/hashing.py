"""Keyed hashes of contact data: find a person's inquiries without a text index.

Personal data never goes into ``SearchableText``. Instead each inquiry is
indexed under HMAC-SHA256 hashes of its normalised e-mail addresses, phone
numbers and names (``contact_hashes``). The key is a random secret of this
site, so the index neither reveals the data nor can be probed by someone who
guesses an address: only code on the server can compute a lookup hash.
"""

from collective.servicedesk.annotations import portal_storage
import hashlib
import hmac
import re
import secrets
import unicodedata

SECRET_KEY = "collective.servicedesk.privacy.secret"


def _secret(create: bool) -> bytes | None:
    return portal_storage(SECRET_KEY, lambda: secrets.token_bytes(32), create=create)


def normalise_email(value: str) -> str:
    """Return the e-mail address lowercased and stripped."""
    return (value or "").strip().lower()


def normalise_phone(value: str) -> str:
    """Return the phone number as digits, Norwegian numbers with 47 in front."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) == 8:
        digits = "47" + digits
    return digits


def normalise_name(value: str) -> str:
    """Return the name casefolded with its words sorted ("Nordmann, Kari" matches)."""
    text = unicodedata.normalize("NFKC", value or "").casefold()
    return " ".join(sorted(re.findall(r"\w+", text)))


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
