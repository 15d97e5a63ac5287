"""PATCH and DELETE @servicedesk-macros/<id> on the site (Manage reply macros)."""

from collective.servicedesk import _
from collective.servicedesk.macros.storage import delete_macro
from collective.servicedesk.macros.storage import get_macro
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from collective.servicedesk.services.macros.post import saved
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class ItemService(ServiceDeskService):
    """A service on one macro, named by the path segment after the service."""

    writes = True

    def __init__(self, context, request):
        super().__init__(context, request)
        self.segments: list[str] = []

    def publishTraverse(self, request, name):
        # Only one segment names a macro: /@servicedesk-macros/<id>
        self.segments.append(name[:100])
        return self

    @property
    def macro_id(self) -> str:
        return self.segments[0] if len(self.segments) == 1 else ""

    def existing(self) -> dict:
        macro = get_macro(self.macro_id)
        if macro is None:
            raise ServiceError(
                404, _("error_macro_missing", default="No such macro."), "id"
            )
        return macro


class Edit(ItemService):
    """Replace a macro's title and text; missing fields keep their value."""

    def handle(self) -> dict:
        body = self.json_body()
        macro = self.existing()
        merged = {"title": macro["title"], "text": macro["text"], **body}
        return saved(merged, macro["id"])


class Delete(ItemService):
    """Delete a macro (204)."""

    def handle(self):
        self.existing()
        delete_macro(self.macro_id)
        self.request.response.setStatus(204)
        return None
