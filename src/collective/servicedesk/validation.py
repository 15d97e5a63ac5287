"""Field validators shared by the control panel, inquiries and REST services."""

from collective.servicedesk import _
from zope.schema import ValidationError
import re

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
