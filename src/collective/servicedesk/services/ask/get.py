"""GET @servicedesk-ask: what a front end needs to show the citizen form."""

from collective.servicedesk import _
from collective.servicedesk.citizen import spam
from collective.servicedesk.citizen.categories import public_categories
from collective.servicedesk.citizen.submission import CONTACT_CHOICES
from collective.servicedesk.rest.base import ServiceDeskService

NOTICE = _(
    "citizen_notice_short",
    default="We store your question to answer it. Contact details are used "
    "only to answer this question and deleted after the retention period. "
    "If you ask anonymously, we store nothing about you.",
)


class AskForm(ServiceDeskService):
    """Categories (public labels), contact choices, notice and a form stamp."""

    def handle(self) -> dict:
        return {
            "categories": public_categories(),
            "contact_choices": list(CONTACT_CHOICES),
            "notice": self.translate(NOTICE),
            "honeypot": spam.HONEYPOT,
            "token_field": spam.TOKEN_FIELD,
            spam.TOKEN_FIELD: spam.make_token(),
        }
