"""Size and shape limits for everything people and programs send us.

One table of field lengths for the REST services and the HTML forms, so a
200 000-character title or a lone surrogate never reaches the database (and
from there every notice and digest that would carry it).
"""

from collective.servicedesk import _
from zope.i18nmessageid import Message
import re

# Bytes of a JSON request body our services read (checked by Content-Length
# before the body is read). The instance's own limit (zope.ini,
# SERVICEDESK_MAX_BODY_MB) stops larger bodies before Zope sees them.
MAX_JSON_BODY = 1024 * 1024
# Arrays and objects inside each other; our bodies need 3.
MAX_JSON_DEPTH = 20
# Any text field not named below.
DEFAULT_TEXT = 10000
# Object keys in a JSON body.
MAX_KEY = 100

# Longest text per field name (REST bodies and form fields share the names).
FIELD_LIMITS = {
    "title": 300,
    "subject": 300,
    "category": 200,
    "channel": 100,
    "kind": 100,
    "reason": 2000,
    "override_reason": 2000,
    "description": 20000,
    "question": 5000,
    "information": 5000,
    "answer": 20000,
    "text": 20000,
    "name": 200,
    "requester_name": 200,
    "requester_organisation": 200,
    "email": 254,
    "requester_email": 254,
    "phone": 40,
    "requester_phone": 40,
    "from": 254,
    "code": 64,
    "tags": 100,
    "case_number": 100,
    "registry_entry_id": 100,
    "object_type": 200,
    "object_value": 500,
    "service_level": 100,
    "responsible_unit": 200,
    "responsible_handler": 200,
    "faq": 64,
    "q": 500,
}

SURROGATE = re.compile("[\ud800-\udfff]")

TOO_LONG = "error_text_too_long"
BAD_CHARACTERS = _(
    "error_text_characters",
    default="This text contains characters that cannot be stored "
    "(broken Unicode). Please type or paste it again.",
)


def limit_for(name: str) -> int:
    """The longest text allowed in field ``name``."""
    return FIELD_LIMITS.get(name, DEFAULT_TEXT)


def too_long(limit: int) -> Message:
    return _(
        TOO_LONG,
        default="This text is too long (at most ${limit} characters).",
        mapping={"limit": limit},
    )


def text_error(name: str, value: str) -> Message | None:
    """Why ``value`` may not be stored in field ``name``, or None."""
    limit = limit_for(name)
    if len(value) > limit:
        return too_long(limit)
    if SURROGATE.search(value):
        return BAD_CHARACTERS
    return None
