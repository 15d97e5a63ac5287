"""The free-text search page (@@knowledge-search)."""

from collective.servicedesk.search.api import search
from collective.servicedesk.search.facets import FACET_TITLES
from collective.servicedesk.search.facets import FACETS
from collective.servicedesk.search.services import _text
from collective.servicedesk.search.services import _values
from Products.Five.browser import BrowserView
from urllib.parse import urlencode

PAGE_SIZE = 20


def _int(value, default: int = 0) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return default


class SearchView(BrowserView):
    """Search box, facets with counts, highlighted results, batching."""

    def __call__(self):
        form = self.request.form
        # q:list, q:record and :int give other types: those count as empty.
        self.text = _text(form.get("q")).strip()
        self.filters = {
            facet: _values(form.get(facet)) for facet in FACETS if form.get(facet)
        }
        self.b_start = _int(form.get("b_start"))
        self.result = search(
            self.text, self.filters, b_start=self.b_start, b_size=PAGE_SIZE
        )
        return self.index()

    def facet_title(self, name: str):
        return FACET_TITLES[name]

    def _url(self, filters: dict, b_start: int = 0) -> str:
        params = [("q", self.text)] if self.text else []
        for facet, values in filters.items():
            params.extend((facet, v) for v in values)
        if b_start:
            params.append(("b_start", b_start))
        return f"{self.context.absolute_url()}/@@knowledge-search?{urlencode(params)}"

    def toggle_url(self, facet: str, value: str) -> str:
        """URL with ``value`` added to or removed from the facet's filter."""
        filters = {k: list(v) for k, v in self.result["filters"].items()}
        current = filters.get(facet, [])
        if value in current:
            current = [v for v in current if v != value]
        elif facet == "date":
            current = [value]
        else:
            current = [*current, value]
        filters[facet] = current
        return self._url({k: v for k, v in filters.items() if v})

    def next_url(self) -> str | None:
        start = self.b_start + PAGE_SIZE
        return (
            self._url(self.result["filters"], start)
            if start < self.result["total"]
            else None
        )

    def previous_url(self) -> str | None:
        if not self.b_start:
            return None
        return self._url(self.result["filters"], max(0, self.b_start - PAGE_SIZE))

    def result_type_title(self, item: dict) -> str:
        """Translated title of the result's content type."""
        from collective.servicedesk.search.titles import facet_value_title

        return facet_value_title("portal_type", item["portal_type"])
