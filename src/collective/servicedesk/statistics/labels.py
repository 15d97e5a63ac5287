"""Human-readable labels of dimension values (channel, category, unit, level)."""

from collective.servicedesk import _
from collective.servicedesk.routing import display
from plone import api
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

VOCABULARIES = {
    "channel": "collective.servicedesk.Channels",
    "service_level": "collective.servicedesk.ServiceLevels",
}


def _vocabulary_title(name: str, value: str) -> str | None:
    factory = queryUtility(IVocabularyFactory, name)
    if factory is None:
        return None
    try:
        term = factory(api.portal.get()).getTerm(value)
    except LookupError:
        return None
    return translate(term.title or value, context=getRequest())


def label(dimension: str, value: str) -> str:
    """The label of a value in the current language."""
    if not value:
        return translate(
            _("ws_label_not_set", default="(not set)"), context=getRequest()
        )
    if dimension == "category":
        return display.category_title(value)
    if dimension == "unit":
        return display.group_title(value)
    if dimension in VOCABULARIES:
        return _vocabulary_title(VOCABULARIES[dimension], value) or value
    return value


def options(dimension: str) -> list[dict]:
    """Values a filter can take: [{value, title}]."""
    if dimension == "category":
        return [
            {"value": c["id"], "title": c["title"]} for c in display.list_categories()
        ]
    if dimension == "unit":
        units = api.portal.get_tool("portal_catalog").uniqueValuesFor(
            "responsible_unit"
        )
        return [{"value": u, "title": display.group_title(u)} for u in units if u]
    factory = queryUtility(IVocabularyFactory, VOCABULARIES.get(dimension, ""))
    if factory is None:
        return []
    return [
        {
            "value": term.value,
            "title": translate(term.title or term.value, context=getRequest()),
        }
        for term in factory(api.portal.get())
    ]
