"""Pick the catalogue language (nb, nn, en) for the current request."""

from plone import api
from zope.globalrequest import getRequest

LANGUAGES = ("nb", "nn", "en")


def normalize_language(language: str | None) -> str:
    """Map a request or site language to one of nb, nn, en."""
    code = (language or "").lower().replace("_", "-").split("-")[0]
    if code in ("no", "nb"):
        return "nb"
    if code == "nn":
        return "nn"
    return "en"


def current_language() -> str:
    """Return nb, nn or en for the current request (site default without one)."""
    request = getRequest()
    language = request.get("LANGUAGE", None) if request is not None else None
    if not language:
        try:
            language = api.portal.get_default_language()
        except api.exc.CannotGetPortalError:
            language = None
    return normalize_language(language)


def pick_title(titles: dict, language: str | None = None) -> str:
    """Return the title in the wanted language, falling back to nb, en, nn."""
    wanted = normalize_language(language) if language else current_language()
    for code in (wanted, "nb", "en", "nn"):
        if titles.get(code):
            return titles[code]
    return ""
