"""GET @servicedesk-macros?q=: search the reply macros (at most 20 answers).

On a service desk (staff) or the site (macro managers) the macros come as
stored; on an inquiry each also carries ``filled``: the text with the
inquiry's placeholders filled, and ``unfilled``: the placeholders left as typed.
"""

from collective.servicedesk import _
from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.macros.fill import empty
from collective.servicedesk.macros.fill import fill
from collective.servicedesk.macros.fill import macro_values
from collective.servicedesk.macros.storage import MAX_QUERY
from collective.servicedesk.macros.storage import search_macros
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone import api


def as_json(macro: dict) -> dict:
    return {
        "id": macro["id"],
        "title": macro["title"],
        "text": macro["text"],
        "modified": macro["modified"].isoformat(),
    }


class Search(ServiceDeskService):
    """Macros whose title or text holds every word of ``q``."""

    def handle(self) -> dict:
        if not api.user.has_permission("View", obj=self.context):
            raise ServiceError(
                403, _("error_macro_forbidden", default="You cannot see this.")
            )
        query = self.request.form.get("q", "")
        if not isinstance(query, str):
            raise ServiceError(400, _("error_macro_query", default="Bad search."), "q")
        if len(query) > MAX_QUERY:
            raise ServiceError(
                400,
                _(
                    "error_macro_query_long",
                    default="Search with at most ${max} characters.",
                    mapping={"max": MAX_QUERY},
                ),
                "q",
            )
        items = [as_json(macro) for macro in search_macros(query)]
        if IInquiry.providedBy(self.context):
            values = macro_values(self.context)
            for item in items:
                item["filled"] = fill(item["text"], values)
                item["unfilled"] = empty(item["text"], values)
        return {"items": items}
