"""GET @servicedesk-queue?queue=mine|follow-up|unit|overdue on a service desk.

Catalog brains and metadata only (queues feature), filtered by the caller's
permissions; batched with ``b_start`` and ``b_size`` (at most 100).
"""

from collective.servicedesk import _
from collective.servicedesk.queues import queries
from collective.servicedesk.queues.display import RowMaker
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone import api
from plone.memoize import ram
from plone.restapi.serializer.converters import json_compatible
import time

QUEUES = ("mine", "follow-up", "unit", "overdue")
MAX_SIZE = 100
UNKNOWN_QUEUE = _(
    "error_unknown_queue",
    default="Choose one of the queues: mine, follow-up, unit, overdue.",
)
BAD_BATCH = _("error_bad_batch", default="b_start and b_size must be whole numbers.")


def unit_ids(user) -> list[str]:
    """The groups (units) of ``user``."""
    return sorted(
        group.getId()
        for group in api.group.get_groups(user=user)
        if group.getId() != "AuthenticatedUsers"
    )


def _page_key(method, service, name: str, start: int, size: int):
    """A page changes with the catalogue (its counter) and each minute (issue 19).

    Per user (results follow their rights and units), desk URL (links in the
    rows, virtual hosting) and language (the due labels are translated).
    """
    catalog = api.portal.get_tool("portal_catalog")
    return (
        service.context.absolute_url(),
        api.user.get_current().getId(),
        service.request.get("LANGUAGE", ""),
        name,
        start,
        size,
        catalog.getCounter(),
        int(time.time() // 60),
    )


class Queue(ServiceDeskService):
    """One page of a queue, with display titles."""

    def query(self, name: str) -> dict | None:
        user = api.user.get_current()
        path = "/".join(self.context.getPhysicalPath())
        if name == "mine":
            return queries.my_open_query(user.getId(), path)
        if name == "follow-up":
            return queries.follow_up_query(user.getId(), path)
        if name == "unit":
            units = unit_ids(user)
            return queries.unit_queue_query(units, path) if units else None
        return queries.overdue_query(path)

    def batch(self) -> tuple[int, int]:
        try:
            start = int(self.request.form.get("b_start", 0))
            size = int(self.request.form.get("b_size", 25))
        except (TypeError, ValueError):
            raise ServiceError(400, BAD_BATCH, "b_start") from None
        if start < 0 or not 0 < size <= MAX_SIZE:
            raise ServiceError(400, BAD_BATCH, "b_size")
        return start, size

    def handle(self) -> dict:
        name = self.request.form.get("queue", "mine")
        if name not in QUEUES:
            raise ServiceError(400, UNKNOWN_QUEUE, "queue")
        start, size = self.batch()
        return self.page(name, start, size)

    @ram.cache(_page_key)
    def page(self, name: str, start: int, size: int) -> dict:
        query = self.query(name)
        brains = queries.search(query) if query is not None else []
        rows = RowMaker(self.context, self.request)
        items = []
        for brain in brains[start : start + size]:
            row = rows.row(brain)
            row["due_label"] = (
                self.translate(row["due_label"]) if row["due_label"] else ""
            )
            row["@id"] = row.pop("url")
            items.append(row)
        return json_compatible(
            {"queue": name, "items_total": len(brains), "items": items}
        )
