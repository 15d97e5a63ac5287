"""Compose a notice in the recipient's language from the kind and the inquiry."""

from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.notifications.kinds import CONFIDENTIAL_TITLE
from collective.servicedesk.notifications.kinds import FOOTER
from collective.servicedesk.notifications.kinds import KINDS
from collective.servicedesk.notifications.kinds import NO_DUE_DATE
from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message

LANGUAGES = ("no", "nb", "nn", "en")
MISSING = ""


def normalise_language(value: str | None) -> str | None:
    """Return no/nb/nn/en for a language code such as "nb-NO", else None."""
    code = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else None


def site_language() -> str:
    """Return the site's default language (one of ours, else English)."""
    default = api.portal.get_registry_record("plone.default_language", default="en")
    return normalise_language(default) or "en"


def user_language(user: object) -> str:
    """Return the recipient's language: the user's property, else the site's."""
    value = user.getProperty("language", "") if user is not None else ""
    return normalise_language(value) or site_language()


def format_due(due: object) -> str:
    """Return a due date as Oslo wall-clock text ("" if None)."""
    return to_local(due).strftime("%d.%m.%Y %H:%M") if due else MISSING


def inquiry_info(inquiry: object) -> dict:
    """Return reference, title, url, uid, due of an inquiry object or catalog brain."""
    if inquiry is None:
        return {}
    if hasattr(inquiry, "getURL"):  # a catalog brain
        url, title, uid = inquiry.getURL(), inquiry.Title, inquiry.UID
    else:
        url, title = inquiry.absolute_url(), inquiry.Title()
        uid = api.content.get_uuid(inquiry)
    confidential = getattr(inquiry, "confidential", False) is True
    return {
        "uid": uid,
        "url": url,
        "title": CONFIDENTIAL_TITLE if confidential else title or MISSING,
        "reference": getattr(inquiry, "reference_number", None) or MISSING,
        "due_date": getattr(inquiry, "due_date", None) or None,
        "responsible": getattr(inquiry, "responsible_handler", None)
        or getattr(inquiry, "responsible_unit", None)
        or MISSING,
    }


def _text(value: object, lang: str) -> str:
    """Translate a Message (or each of a list) into `lang`; other values as text."""
    if isinstance(value, Message):
        return translate(value, target_language=lang)
    if isinstance(value, list | tuple):
        return "\n".join(_text(entry, lang) for entry in value)
    return "" if value is None else str(value)


def compose(kind: str, lang: str, mapping: dict) -> tuple[str, str, str]:
    """Return (subject, body, footer) of a notice translated into `lang`."""
    _title, subject, body = KINDS[kind]
    values = {key: _text(value, lang) for key, value in mapping.items()}
    if not values.get("due"):
        values["due"] = translate(NO_DUE_DATE, target_language=lang)
    subject = translate(Message(subject, mapping=values), target_language=lang)
    body = translate(Message(body, mapping=values), target_language=lang)
    footer = translate(Message(FOOTER, mapping=values), target_language=lang)
    # Header injection guard: a subject is one line.
    return " ".join(subject.split()), body, footer
