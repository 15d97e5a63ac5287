"""Field validators shared by the control panel, inquiries and REST services."""

from collective.servicedesk import _
from zope.schema import ValidationError
import re
import unicodedata

# Pragmatic: one @, no spaces, a dot in the domain. Full RFC 5322 parsing
# rejects nothing a front-desk agent would type by mistake that this misses.
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Norwegian numbers (8 digits, optional +47/0047) and international numbers.
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{6,18}[0-9]$")


class InvalidEmail(ValidationError):
    __doc__ = _("error_invalid_email", default="This is not a valid e-mail address.")


class InvalidPhone(ValidationError):
    __doc__ = _(
        "error_invalid_phone",
        default="This is not a valid phone number (8 digits, or + and country code).",
    )


def is_email(value: str) -> bool:
    """Field constraint: empty or a plausible e-mail address."""
    if value and not EMAIL_RE.match(value.strip()):
        raise InvalidEmail(value)
    return True


def is_phone(value: str) -> bool:
    """Field constraint: empty or a plausible phone number."""
    if value and not PHONE_RE.match(value.strip()):
        raise InvalidPhone(value)
    return True


# Normalised contact data: how intake matches senders and privacy hashes them.
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
