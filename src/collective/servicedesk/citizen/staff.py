"""@@followup-code on an inquiry: staff issue a new code or revoke it."""

from collective.servicedesk import _
from collective.servicedesk.citizen import codes
from collective.servicedesk.history import record
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class FollowupCodeView(BrowserView):
    """The new code is shown once, to be read out or handed to the citizen."""

    template = ViewPageTemplateFile("templates/followup_code.pt")
    code = ""

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "no-store, private")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if "form.buttons.issue" in self.request.form:
                self.code = codes.issue(self.context)
                record(self.context, "followup_code_issued")
            elif "form.buttons.revoke" in self.request.form:
                if codes.revoke(self.context):
                    record(self.context, "followup_code_revoked")
                    api.portal.show_message(
                        _(
                            "msg_code_revoked",
                            default="The follow-up code was revoked.",
                        ),
                        request=self.request,
                    )
        return self.template()

    def status(self) -> dict | None:
        return codes.status(self.context)

    def track_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/@@track"
