"""POST endpoint: a staff member sets their own availability status."""

from collective.servicedesk import _
from collective.servicedesk.directory.availability import set_status
from collective.servicedesk.directory.availability import status_titles
from collective.servicedesk.workspace.views.base import JSONView
from plone import api


class AvailabilityView(JSONView):
    """Set the current user's status (available / busy / away / absent)."""

    def __call__(self) -> str:
        problem = self.check_post()
        if problem:
            return self.fail(problem, 405 if self.request.method != "POST" else 403)
        status = self.request.form.get("status") or ""
        note = self.request.form.get("note") or ""
        try:
            record = set_status(api.user.get_current().getId(), status, note)
        except ValueError:
            return self.fail(
                {"status": _("ws_error_unknown_status", default="Unknown status.")}
            )
        title = self.tr(status_titles()[record["status"]])
        message = self.tr(
            _("status_set", default="Your status: ${status}", mapping={"status": title})
        )
        if not self.wants_json():
            api.portal.show_message(message, request=self.request)
            return self.back()
        return self.json(
            {"ok": True, "status": record["status"], "title": title, "message": message}
        )
