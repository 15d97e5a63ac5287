"""Fill a macro's placeholders for one inquiry, as the citizen will read them.

Dates are shown in the site's time zone and in the reader's (the citizen's)
locale: the inquiry's language, else the site's default language.
"""

from collections.abc import Mapping
from collective.servicedesk.categories.language import normalize_language
from collective.servicedesk.localtime import local
from collective.servicedesk.principals import user_title
from plone import api
import re

PLACEHOLDERS = ("name", "reference_number", "handler_name", "due_date")
# Only plain names are replaced: nothing is evaluated (no str.format), and an
# unknown or empty placeholder stays visible, so the sender sees and fixes it.
PATTERN = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
DATE_FORMATS = {
    "nb": "%d.%m.%Y kl. %H:%M",
    "nn": "%d.%m.%Y kl. %H:%M",
    "en": "%d/%m/%Y %H:%M",
}


def reader_language(inquiry) -> str:
    """The citizen's language: the inquiry's, else the site default (nb, nn, en)."""
    language = getattr(inquiry, "language", None) or api.portal.get_default_language()
    return normalize_language(language)


def format_due(value, language: str) -> str:
    """The due date in the site's time zone, formatted for ``language``."""
    when = local(value)
    if when is None:
        return ""
    return when.strftime(DATE_FORMATS.get(language, DATE_FORMATS["en"]))


def macro_values(inquiry, language: str | None = None) -> dict[str, str]:
    """The placeholder values of ``inquiry``; the handler is the current user."""
    language = language or reader_language(inquiry)
    user = api.user.get_current()
    return {
        "name": getattr(inquiry, "requester_name", None) or "",
        "reference_number": getattr(inquiry, "reference_number", None) or "",
        "handler_name": user_title(user.getId()) if user else "",
        "due_date": format_due(getattr(inquiry, "due_date", None), language),
    }


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace known, non-empty ``{placeholders}``; leave the others as typed."""

    def replace(match: re.Match) -> str:
        value = values.get(match.group(1))
        return str(value) if value else match.group(0)

    return PATTERN.sub(replace, text or "")


def empty(text: str, values: Mapping[str, str]) -> list[str]:
    """Placeholders in ``text`` that stay unfilled (unknown or no value), in order."""
    names: list[str] = []
    for name in PATTERN.findall(text or ""):
        if not values.get(name) and name not in names:
            names.append(name)
    return names
