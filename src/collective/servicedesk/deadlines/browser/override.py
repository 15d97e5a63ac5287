"""Form: an agent sets another due date, with a reason for the history."""

from collective.servicedesk import _
from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.deadlines.promise import is_inquiry
from collective.servicedesk.deadlines.promise import override_due_date
from datetime import datetime
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import NotFound

INPUT_FORMAT = "%Y-%m-%dT%H:%M"


def parse_local(value: str) -> datetime | None:
    """Return the Oslo datetime typed in a datetime-local field, or None."""
    try:
        return to_local(datetime.fromisoformat(value.strip().replace(" ", "T")))
    except (AttributeError, ValueError):
        return None


class OverrideDueDateView(BrowserView):
    """The @@override-due-date form of an inquiry."""

    template = ViewPageTemplateFile("override.pt")

    def __call__(self) -> str:
        if not is_inquiry(self.context):
            raise NotFound("override-due-date")
        form = self.request.form
        self.errors: dict = {}
        self.values = {
            "due_date": form.get("due_date", self.current_value()),
            "reason": form.get("reason", ""),
        }
        if self.request.method == "POST" and form.get("form.buttons.cancel"):
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and form.get("form.buttons.save"):
            CheckAuthenticator(self.request)
            due = parse_local(self.values["due_date"])
            if due is None:
                self.errors["due_date"] = _(
                    "error_due_date_invalid",
                    default="Enter a date and time, for example 2026-03-09 10:30.",
                )
            if not self.values["reason"].strip():
                self.errors["reason"] = _(
                    "error_reason_required",
                    default="Give a reason for changing the due date.",
                )
            if not self.errors:
                override_due_date(self.context, due, self.values["reason"])
                IStatusMessage(self.request).add(
                    _("msg_due_date_changed", default="The due date was changed."),
                    type="info",
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.template()

    def current_value(self) -> str:
        """Return the current due date in the input's format."""
        due = getattr(self.context, "due_date", None)
        return to_local(due).strftime(INPUT_FORMAT) if due else ""
