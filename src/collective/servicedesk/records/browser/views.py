"""The case page (every inquiry of a case) and the filing admin page."""

from collective.servicedesk import _
from collective.servicedesk.records import api as records
from collective.servicedesk.records import state
from collective.servicedesk.records.indexers import normalise
from collective.servicedesk.records.listing import by_status
from collective.servicedesk.records.listing import case_inquiries
from collective.servicedesk.records.listing import counts
from collective.servicedesk.records.messages import describe
from collective.servicedesk.records.spool import GIVEN_UP
from collective.servicedesk.records.spool import Spool
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView

PERMISSION = "collective.servicedesk: File to records system"


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
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if self.request.form.get("uid"):
                self.resend(self.request.form["uid"][:64])
            elif self.request.form.get("retry"):
                self.retry()
        return self.index()

    def outbox(self) -> dict[str, int]:
        """Messages in the outbox by status (failed = retried by the tick)."""
        return Spool(records.spool_folder()).counts()

    def retry(self) -> None:
        """Make every given-up message due again (after fixing the connection)."""
        spool = Spool(records.spool_folder())
        count = sum(spool.retry(message_id) for message_id in spool.ids(GIVEN_UP))
        records.schedule(api.portal.get())
        api.portal.show_message(
            _(
                "records_retried",
                default="${count} messages will be sent again.",
                mapping={"count": count},
            ),
            self.request,
        )

    def resend(self, uid: str) -> None:
        obj = api.content.get(UID=uid)  # only what this user may see
        if obj is None or not api.user.has_permission(PERMISSION, obj=obj):
            api.portal.show_message(
                _("records_error_forbidden", default="You may not file this inquiry."),
                self.request,
                type="error",
            )
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
