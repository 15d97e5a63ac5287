"""POST @@servicedesk-file on an inquiry: request filing or send again (CSRF)."""

from collective.servicedesk import _
from collective.servicedesk.records import api as records
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView
from zExceptions import BadRequest


class FileView(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        CheckAuthenticator(self.request)
        action = self.request.form.get("action", "request")
        try:
            if action == "resend":
                records.resend(self.context)
            else:
                records.request_filing(self.context)
        except records.FilingError as error:
            api.portal.show_message(error.message, self.request, type="error")
        else:
            api.portal.show_message(
                _(
                    "records_requested",
                    default="Sent to the records system. "
                    "It is filed when the receipt comes.",
                ),
                self.request,
            )
        return self.request.response.redirect(self.context.absolute_url())
