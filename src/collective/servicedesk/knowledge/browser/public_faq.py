"""The public FAQ page (@@faq): publicly published entries by category, searchable."""

from collective.servicedesk import _
from collective.servicedesk.knowledge.interfaces import FAQ_ENTRY
from collective.servicedesk.knowledge.interfaces import FAQ_PUBLIC_STATE
from collective.servicedesk.knowledge.text import category_title
from collective.servicedesk.search.highlight import Matcher
from collective.servicedesk.search.highlight import highlight
from collective.servicedesk.search.highlight import snippet
from collective.servicedesk.search.query import text_query
from plone import api
from Products.Five.browser import BrowserView
from Products.ZCTextIndex.ParseTree import ParseError

NO_CATEGORY = ""


class PublicFAQView(BrowserView):
    """Anyone (also anonymous) sees the same list: public entries only."""

    def __call__(self):
        self.text = (self.request.form.get("q") or "").strip()
        self.groups = self._groups()
        return self.index()

    def _brains(self):
        query = {
            "portal_type": FAQ_ENTRY,
            "review_state": FAQ_PUBLIC_STATE,
            "path": "/".join(self.context.getPhysicalPath()),
            "sort_on": "sortable_title",
        }
        if self.text:
            words = text_query(self.text, "AND")
            if not words:
                return []
            query["servicedesk_text"] = words
        try:
            return api.content.find(**query)
        except ParseError:
            return []

    def _groups(self) -> list[dict]:
        matcher = Matcher(self.text)
        groups: dict[str, list[dict]] = {}
        for brain in self._brains():
            excerpt = (
                brain.servicedesk_excerpt
                if isinstance(brain.servicedesk_excerpt, str)
                else ""
            )
            entry = {
                "url": brain.getURL(),
                "title_html": highlight(brain.Title or "", matcher),
                "snippet_html": snippet(excerpt, matcher, width=300),
            }
            categories = brain.servicedesk_categories
            for category in (
                categories if isinstance(categories, list | tuple) else ()
            ) or (NO_CATEGORY,):
                groups.setdefault(category, []).append(entry)
        result = [
            {
                "id": category or "general",
                "title": category_title(category)
                if category
                else _("faq_general", default="General"),
                "entries": entries,
            }
            for category, entries in groups.items()
        ]
        # Named categories alphabetically, "General" last.
        result.sort(key=lambda g: (g["id"] == "general", str(g["title"]).lower()))
        return result

    def count(self) -> int:
        return len({e["url"] for g in self.groups for e in g["entries"]})
