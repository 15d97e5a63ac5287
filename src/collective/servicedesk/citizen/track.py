"""@@track: the citizen follows an inquiry with the follow-up code."""

from collective.servicedesk import _
from collective.servicedesk.citizen import spam
from collective.servicedesk.citizen.ask import REFUSALS
from collective.servicedesk.citizen.submission import MAX_LENGTH
from collective.servicedesk.citizen.submission import MIN_LENGTH
from collective.servicedesk.citizen.tracking import ADDED
from collective.servicedesk.citizen.tracking import INFORMATION_INVALID
from collective.servicedesk.citizen.tracking import INQUIRY_FILED
from collective.servicedesk.citizen.tracking import NOT_FOUND
from collective.servicedesk.citizen.tracking import can_add
from collective.servicedesk.citizen.tracking import lookup
from collective.servicedesk.citizen.tracking import tracking_info
from collective.servicedesk.citizen.views import CitizenPage
from collective.servicedesk.citizen.views import no_store
from collective.servicedesk.intake.inquiries import add_followup
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class TrackView(CitizenPage):
    """Enter a code (form), see the inquiry, add information."""

    code_template = ViewPageTemplateFile("templates/track_code.pt")
    inquiry_template = ViewPageTemplateFile("templates/track.pt")
    honeypot = spam.HONEYPOT
    token_field = spam.TOKEN_FIELD
    info: dict = {}

    def __call__(self):
        no_store(self.request)
        code = self.code()
        if not code:
            return self.code_template()
        inquiry, status = lookup(self.request, code)
        if inquiry is None:
            # Wrong, revoked and expired codes all end here, the same way.
            self.message = spam.TOO_MANY if status == 429 else NOT_FOUND
            self.request.response.setStatus(status)
            return self.code_template()
        if self.request.method == "POST" and "form.buttons.add" in self.request.form:
            self.add_information(inquiry)
        self.info = tracking_info(inquiry)
        return self.inquiry_template()

    def add_information(self, inquiry) -> None:
        text = self.value("information").strip()
        if self.value(spam.HONEYPOT) or spam.check_token(self.value(spam.TOKEN_FIELD)):
            spam.submission_allowed(self.request)
            self.message = REFUSALS["spam"]
            self.request.form[spam.TOKEN_FIELD] = spam.make_token()
            self.request.response.setStatus(400)
            return
        if not (MIN_LENGTH <= len(text) <= MAX_LENGTH):
            self.errors = {"information": INFORMATION_INVALID}
            self.request.response.setStatus(400)
            return
        if not can_add(inquiry):
            self.message = INQUIRY_FILED
            self.request.response.setStatus(409)
            return
        if not spam.submission_allowed(self.request):
            self.message = spam.TOO_MANY
            self.request.response.setStatus(429)
            return
        if spam.check_token(self.value(spam.TOKEN_FIELD), consume=True):
            self.message = _(
                "citizen_information_duplicate",
                default="This information was added already.",
            )
            self.request.response.setStatus(409)
            return
        add_followup(inquiry, "web", text)
        self.message = ADDED
        self.request.form["information"] = ""
        self.request.form[spam.TOKEN_FIELD] = spam.make_token()

    def code(self) -> str:
        """The code, from a POSTed form only: a URL with it would end in logs."""
        if self.request.method != "POST":
            return ""
        return self.value("code").strip()
