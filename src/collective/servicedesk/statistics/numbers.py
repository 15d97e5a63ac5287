"""Numbers and period labels in the reader's language (decimal comma, "uke 45")."""

from collective.servicedesk import _
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18n.locales import locales


def language() -> str:
    """The language the current request is shown in (the site's by default)."""
    try:
        return (api.portal.get_current_language() or "en").split("-")[0]
    except api.exc.CannotGetPortalError:
        return "en"


def decimal_sign(lang: str | None = None) -> str:
    """The decimal separator of a language: "," for nb, nn and no."""
    try:
        locale = locales.getLocale(lang or language(), None, None)
    except Exception:  # an unknown language: zope.i18n raises LoadLocaleError
        return "."
    return locale.numbers.symbols.get("decimal", ".")


def format_number(value, lang: str | None = None) -> str:
    """A figure as text: whole numbers as they are, decimals with one place."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", decimal_sign(lang))
    return str(value)


def week_label(week: int) -> str:
    """An ISO week as readers say it: "uke 45" (nb), "veke 45" (nn), "week 45"."""
    message = _("stats_week_label", default="week ${week}", mapping={"week": week})
    return translate(message, context=getRequest())
