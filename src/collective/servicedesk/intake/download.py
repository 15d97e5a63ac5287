"""@@inquiry-attachment/<id>: download a file that came with an e-mail."""

from collective.servicedesk.intake.attachments import get_attachment
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class AttachmentDownload(BrowserView):
    """Streams the blob, always as a download (never rendered inline)."""

    attachment_id = ""

    def publishTraverse(self, request, name):
        self.attachment_id = name
        return self

    def __call__(self):
        record = get_attachment(self.context, self.attachment_id)
        if record is None:
            raise NotFound(self.attachment_id)
        blob = record["file"]
        set_headers(blob, self.request.response, filename=record["filename"])
        self.request.response.setHeader("X-Content-Type-Options", "nosniff")
        return stream_data(blob)
