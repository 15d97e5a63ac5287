"""Placeholder values of an inquiry, and texts addressed to the citizen."""

from collective.servicedesk import _
from collective.servicedesk.categories import get_category
from collective.servicedesk.categories.language import normalize_language
from collective.servicedesk.categories.language import pick_title
from collective.servicedesk.deadlines.calendar import to_local
from plone import api
from zope.i18n import translate


def citizen_language() -> str:
    """Return the language of texts to citizens: the site's default (nb, nn, en)."""
    return normalize_language(api.portal.get_default_language())


def to_citizen(message) -> str:
    """Translate ``message`` into the citizen-facing language."""
    return translate(message, target_language=citizen_language())


def category_title(category_id: str | None, language: str | None = None) -> str:
    """Return the category's title in ``language`` ("" if unknown)."""
    category = get_category(category_id) if category_id else None
    if not category:
        return ""
    return pick_title(category.get("title") or {}, language or citizen_language())


def placeholder_values(inquiry: object) -> dict[str, str]:
    """Return the values of the placeholders (reference number, name, ...)."""
    due = getattr(inquiry, "due_date", None)
    return {
        "reference_number": getattr(inquiry, "reference_number", None) or "",
        "name": getattr(inquiry, "requester_name", None) or "",
        "category": category_title(getattr(inquiry, "category", None)),
        "due_date": f"{to_local(due):%d.%m.%Y}" if due else "",
    }


def default_subject(inquiry: object) -> str:
    """Return the default subject of a reply, in the citizen-facing language."""
    return to_citizen(_("reply_default_subject", default="Reply to your inquiry"))
