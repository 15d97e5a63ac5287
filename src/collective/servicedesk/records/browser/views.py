"""The case page (every inquiry of a case) and the filing admin page."""

from collective.servicedesk import _
from collective.servicedesk.records import api as records
from collective.servicedesk.records import state
from collective.servicedesk.records.indexers import normalise
from collective.servicedesk.records.listing import by_status
from collective.servicedesk.records.listing import case_inquiries
from collective.servicedesk.records.listing import counts
from collective.servicedesk.records.messages import describe
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView


class CaseView(BrowserView):
    """Every inquiry of case ``number`` the user may see (catalog brains only)."""

    def number(self) -> str:
        return normalise((self.request.form.get("number") or "")[:40])

    def items(self) -> list[dict]:
        number = self.number()
        return case_inquiries(number) if number else []


class AdminView(BrowserView):
    """Counts, rejected filings with the archive's reason, and resend."""

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("uid"):
            CheckAuthenticator(self.request)
            self.resend(self.request.form["uid"][:64])
        return self.index()

    def resend(self, uid: str) -> None:
        obj = api.content.get(UID=uid)
        if obj is None:
            return
        try:
            records.resend(obj)
        except records.FilingError as error:
            api.portal.show_message(error.message, self.request, type="error")
        else:
            api.portal.show_message(
                _("records_resent", default="Sent again."), self.request
            )

    def counts(self) -> dict:
        return counts()

    def rejected(self) -> list[dict]:
        rows = by_status(state.REJECTED)
        for row in rows:
            row["error"] = describe(row["records_error"] or {}, self.request)
        return rows

    def pending(self) -> list[dict]:
        return by_status(state.PENDING)
