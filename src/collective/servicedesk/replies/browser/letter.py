"""Download the PDF of a letter reply."""

from collective.servicedesk.replies.storage import get_reply
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from Products.Five.browser import BrowserView
from zExceptions import NotFound


class LetterDownload(BrowserView):
    """Stream the letter of the reply ``id``, ready to print."""

    def __call__(self):
        reply = get_reply(self.context, self.request.form.get("id", ""))
        if reply is None or not reply.get("file"):
            raise NotFound("No such letter.")
        blob = reply["file"]
        set_headers(blob, self.request.response, filename=blob.filename)
        # Letters are personal: never keep them in shared caches.
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return stream_data(blob)
