"""The inquiry in plone.restapi: the standard fields plus what staff work with.

Choice fields already come as ``{"token", "title"}`` from plone.restapi. Added:
due state, history, public replies, attachments (with download links), and —
only for those allowed — internal notes and the follow-up code's status.
"""

from AccessControl import getSecurityManager
from collective.servicedesk.citizen import codes
from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.deadlines import due_state
from collective.servicedesk.history import entries
from collective.servicedesk.intake.attachments import list_attachments
from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.messages.notes import notes
from collective.servicedesk.replies.storage import list_replies
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxcontent import SerializeToJson
from zope.component import adapter
from zope.interface import implementer

REPLY_FIELDS = ("id", "date", "channel", "subject", "text", "recipient", "sender_name")


def can(permission: str, obj) -> bool:
    return bool(getSecurityManager().checkPermission(permission, obj))


@implementer(ISerializeToJson)
@adapter(IInquiry, IServiceDeskLayer)
class InquirySerializer(SerializeToJson):
    """Adds the service desk's parts to the standard content serialization."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        obj = self.context
        url = obj.absolute_url()
        result["due_state"] = due_state(getattr(obj, "due_date", None))
        result["history"] = json_compatible(entries(obj))
        result["replies"] = json_compatible(
            [
                {key: reply.get(key) for key in REPLY_FIELDS}
                for reply in list_replies(obj)
            ]
        )
        result["attachments"] = json_compatible(
            [
                {
                    "id": item["id"],
                    "filename": item["filename"],
                    "content_type": item["content_type"],
                    "size": item["size"],
                    "added": item["added"],
                    "source": item["source"],
                    "download": f"{url}/@@inquiry-attachment/{item['id']}",
                }
                for item in list_attachments(obj)
            ]
        )
        if can("collective.servicedesk: View internal notes", obj):
            result["internal_notes"] = json_compatible(notes(obj))
        if can("Modify portal content", obj):
            status = codes.status(obj)
            result["followup_code"] = json_compatible(
                {"active": status is not None, "expires": (status or {}).get("expires")}
            )
        return result
