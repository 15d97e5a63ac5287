"""Limits on incoming e-mail: size, number of MIME parts and nesting depth.

Anyone who can send mail reaches the intake, so a message is measured before
any work is done on it: its size first (no parsing), then a quick count of
the part headers in the raw bytes (no parsing either), and finally the exact
count and depth during the one walk of the parsed tree. Each limit is a
setting (``settings().mail_intake``) with a default.
"""

from collective.servicedesk import _
from collective.servicedesk.settings import settings
from collective.servicedesk.settings.intake import DEFAULT_MAX_DEPTH
from collective.servicedesk.settings.intake import DEFAULT_MAX_MEGABYTES
from collective.servicedesk.settings.intake import DEFAULT_MAX_PARTS
from dataclasses import dataclass
import re

# Lines that open a MIME part's header block: one per part, give or take the
# rare part without a Content-Type (checked exactly after parsing).
PART_HEADER = re.compile(rb"^content-type[ \t]*:", re.IGNORECASE | re.MULTILINE)

TOO_LARGE = "too_large"
TOO_MANY_PARTS = "too_many_parts"
TOO_DEEP = "too_deep"

MESSAGES = {
    TOO_LARGE: _(
        "error_mail_too_large_limit",
        default="The e-mail is larger than ${limit} MB.",
    ),
    TOO_MANY_PARTS: _(
        "error_mail_too_many_parts",
        default="The e-mail has more than ${limit} parts (attachments).",
    ),
    TOO_DEEP: _(
        "error_mail_too_deep",
        default="The e-mail's parts are nested more than ${limit} levels deep.",
    ),
}


@dataclass(frozen=True)
class MailLimits:
    """How large and how complex an incoming e-mail may be."""

    max_parts: int = DEFAULT_MAX_PARTS
    max_depth: int = DEFAULT_MAX_DEPTH
    max_bytes: int = DEFAULT_MAX_MEGABYTES * 1024 * 1024


class MailRefused(ValueError):
    """An e-mail beyond a limit: refused before (or instead of) the work."""

    def __init__(self, reason: str, limit: int) -> None:
        super().__init__(f"{reason} (limit {limit})")
        self.reason = reason
        self.limit = limit

    @property
    def message(self):
        """The translatable explanation, with the limit filled in."""
        message = MESSAGES[self.reason]
        return _(message, default=message.default, mapping={"limit": self.limit})


def _positive(value: object, default: int) -> int:
    return value if isinstance(value, int) and value > 0 else default


def mail_limits() -> MailLimits:
    """Return the limits from the settings (defaults where unset or no site)."""
    limits = settings().mail_intake
    return MailLimits(
        max_parts=_positive(limits.max_parts, DEFAULT_MAX_PARTS),
        max_depth=_positive(limits.max_depth, DEFAULT_MAX_DEPTH),
        max_bytes=_positive(limits.max_megabytes, DEFAULT_MAX_MEGABYTES) * 1024 * 1024,
    )


def check_raw(raw: bytes, limits: MailLimits) -> None:
    """Refuse a raw message by its size or its obvious number of parts.

    The header count stops at its bound, so a message of a million tiny
    parts is refused without being parsed. The bound is twice the limit:
    text that merely quotes a "Content-Type:" line never trips it.
    """
    if len(raw) > limits.max_bytes:
        raise MailRefused(TOO_LARGE, limits.max_bytes // (1024 * 1024))
    bound = 2 * limits.max_parts + 1
    for count, _match in enumerate(PART_HEADER.finditer(raw), start=1):
        if count > bound:  # stop counting at the bound: no list of matches
            raise MailRefused(TOO_MANY_PARTS, limits.max_parts)
