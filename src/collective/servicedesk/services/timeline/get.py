"""GET @servicedesk-timeline on an inquiry: one chronological stream (no writes)."""

from collective.servicedesk.localtime import iso_local
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from collective.servicedesk.timeline.entries import AUDIENCES
from collective.servicedesk.timeline.entries import for_display
from collective.servicedesk.timeline.entries import timeline
from plone import api

FIELDS = (
    "id",
    "kind",
    "action",
    "audience",
    "who",
    "who_name",
    "text",
    "subject",
    "channel",
    "status",
    "status_label",
    "icon",
)


class Timeline(ServiceDeskService):
    """Entries oldest first; ``?audience=all|citizen|internal``."""

    def handle(self) -> dict:
        if not api.user.has_permission("View", obj=self.context):
            raise ServiceError(403, "You cannot see this inquiry.")
        audience = self.request.form.get("audience", "all")
        if audience not in AUDIENCES:
            audience = "all"
        items = []
        for item in for_display(timeline(self.context, audience)):
            row = {name: item[name] for name in FIELDS if name in item}
            row["title"] = self.translate(item["title"])
            row["who_name"] = self.translate(item["who_name"])
            row["when"] = item["when"].isoformat()
            row["when_local"] = iso_local(item["when"])
            row["changes"] = [
                {
                    "label": self.translate(change["label"]),
                    "before": change["before"],
                    "after": change["after"],
                }
                for change in item["changes"]
            ]
            if item.get("status_label"):
                row["status_label"] = self.translate(item["status_label"])
            items.append(row)
        return {
            "@id": f"{self.context.absolute_url()}/@servicedesk-timeline",
            "audience": audience,
            "items": items,
        }
