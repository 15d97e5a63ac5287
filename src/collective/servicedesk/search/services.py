"""REST services: GET @knowledge-search and GET @faq-suggestions."""

from collective.servicedesk.search.api import search
from collective.servicedesk.search.facets import FACETS
from collective.servicedesk.search.suggest import suggest_faq
from plone.restapi.services import Service

MAX_QUERY = 500


def _text(value) -> str:
    """A query text; lists and records (``q:list``, ``q:record``) count as empty."""
    return value[:MAX_QUERY] if isinstance(value, str) else ""


def _values(value) -> list[str]:
    """Facet values as strings only (``:int``, ``:record`` give other types)."""
    values = value if isinstance(value, list | tuple) else [value]
    return [v[:MAX_QUERY] for v in values if isinstance(v, str)]


def _int(value, default: int, maximum: int) -> int:
    try:
        return min(maximum, max(0, int(value)))
    except (TypeError, ValueError):
        return default


class SearchGet(Service):
    """``?q=text&portal_type=FAQEntry&category=...&b_start=0&b_size=20``."""

    def reply(self) -> dict:
        form = self.request.form
        filters = {
            facet: _values(form.get(facet)) for facet in FACETS if form.get(facet)
        }
        result = search(
            _text(form.get("q", "")),
            filters,
            b_start=_int(form.get("b_start"), 0, 10**6),
            b_size=_int(form.get("b_size"), 20, 100) or 20,
        )
        result["@id"] = f"{self.context.absolute_url()}/@knowledge-search"
        return result


class SuggestGet(Service):
    """``?q=half typed question&limit=5``: the best FAQ entries, best first."""

    def reply(self) -> dict:
        form = self.request.form
        items = suggest_faq(
            _text(form.get("q", "")), limit=_int(form.get("limit"), 5, 20) or 5
        )
        return {
            "@id": f"{self.context.absolute_url()}/@faq-suggestions",
            "items": items,
        }
