"""POST @@servicedesk-caller-inquiries: a caller's earlier inquiries for the quick bar.

POST, not GET: phone numbers and e-mail addresses are personal data and must not
end up in URLs and access logs. Nothing is written.
"""

from collective.servicedesk.workspace.caller import CallerLookupError
from collective.servicedesk.workspace.caller import earlier_inquiries
from collective.servicedesk.workspace.views.base import JSONView


class CallerInquiriesView(JSONView):
    """The last five inquiries of the typed phone number or e-mail address."""

    def __call__(self) -> str:
        problem = self.check_post()
        if problem:
            return self.fail(problem, 405 if self.request.method != "POST" else 403)
        form = self.request.form
        try:
            found = earlier_inquiries(form.get("phone") or "", form.get("email") or "")
        except CallerLookupError as error:
            return self.fail({error.field: error.message})
        return self.json({"ok": True, **found})
