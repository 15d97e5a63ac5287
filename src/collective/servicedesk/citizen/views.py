"""The public pages: ask a question (@@ask) and follow it (@@track)."""

from collective.servicedesk import _
from collective.servicedesk.citizen import spam
from collective.servicedesk.citizen.ask import UNAVAILABLE
from collective.servicedesk.citizen.ask import Invalid
from collective.servicedesk.citizen.ask import Refused
from collective.servicedesk.citizen.ask import submit
from collective.servicedesk.citizen.categories import public_categories
from collective.servicedesk.citizen.submission import CONTACT_CHOICES
from collective.servicedesk.intake.inquiries import NoServiceDesk
from collective.servicedesk.settings import settings
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

FIELDS = ("category", "question", "contact", "name", "email", "phone")


def no_store(request) -> None:
    """Pages with a follow-up code: not cached, code not sent on as referrer."""
    request.response.setHeader("Cache-Control", "no-store, private")
    request.response.setHeader("Referrer-Policy", "no-referrer")


class CitizenPage(BrowserView):
    """Shared helpers of the public pages."""

    errors: dict = {}
    message = None

    def translate(self, message) -> str:
        return translate(message, context=self.request)

    def error(self, name: str) -> str:
        message = self.errors.get(name)
        return self.translate(message) if message is not None else ""

    def value(self, name: str) -> str:
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) else ""

    def token(self) -> str:
        """The form's signed time stamp: kept across a failed submit."""
        return self.value(spam.TOKEN_FIELD) or spam.make_token()

    def portal_url(self) -> str:
        return api.portal.get().absolute_url()


class AskView(CitizenPage):
    """The citizen's question form; answers with the receipt."""

    form_template = ViewPageTemplateFile("templates/ask.pt")
    receipt_template = ViewPageTemplateFile("templates/receipt.pt")
    honeypot = spam.HONEYPOT
    token_field = spam.TOKEN_FIELD
    inquiry = None
    code = ""

    def __call__(self):
        if self.request.method == "POST" and "form.buttons.send" in self.request.form:
            return self.send()
        return self.form_template()

    def send(self):
        form = {name: self.value(name) for name in (*FIELDS, spam.TOKEN_FIELD)}
        form[spam.HONEYPOT] = self.value(spam.HONEYPOT)
        try:
            self.inquiry, self.code = submit(self.request, form)
        except Invalid as invalid:
            self.errors = invalid.errors
            self.message = _(
                "citizen_form_has_errors", default="Please check the marked fields."
            )
            self.request.response.setStatus(400)
            return self.form_template()
        except Refused as refused:
            self.message = refused.message
            self.request.response.setStatus(refused.status)
            if refused.reason in ("too_fast", "expired"):
                # A person gets a fresh form to send again; their text is kept.
                self.request.form[spam.TOKEN_FIELD] = spam.make_token()
            return self.form_template()
        except NoServiceDesk:
            self.message = UNAVAILABLE
            self.request.response.setStatus(503)
            return self.form_template()
        no_store(self.request)
        return self.receipt_template()

    def categories(self) -> list[dict]:
        return public_categories()

    def contact_choice(self) -> str:
        choice = self.value("contact")
        return choice if choice in CONTACT_CHOICES else "anonymous"

    def retention_days(self) -> int:
        return settings().desk.retention_days

    def reference_number(self) -> str:
        return getattr(self.inquiry, "reference_number", "") or ""

    def track_url(self) -> str:
        return f"{self.portal_url()}/@@track"
