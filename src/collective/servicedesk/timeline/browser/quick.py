"""POST @@quick-action: take, forward, wait, resume, remind, close from the page."""

from collective.servicedesk import _
from collective.servicedesk.timeline.actions import ACTIONS
from collective.servicedesk.timeline.actions import ActionError
from collective.servicedesk.timeline.actions import run
from collective.servicedesk.timeline.browser.state import set_state
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zExceptions import Forbidden

FIELDS = ("handler", "unit", "reason")
MESSAGES = {
    "take": _("msg_taken", default="The inquiry is yours now."),
    "forward": _("msg_forwarded", default="The inquiry was forwarded."),
    "wait": _(
        "msg_waiting",
        default="Waiting for the citizen: the deadline clock is stopped.",
    ),
    "resume": _("msg_resumed", default="The deadline clock runs again."),
    "remind": _("msg_reminded", default="The reminder was sent."),
    "close": _("msg_closed", default="The inquiry was closed."),
}


class QuickActionView(BrowserView):
    """Run one quick action; on an error show the page again with every value kept."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        if not api.user.has_permission("View", obj=self.context):
            raise Forbidden("You cannot see this inquiry.")
        action = self.request.form.get("action", "")
        if action not in ACTIONS:
            raise BadRequest("action")
        values = {}
        for name in FIELDS:
            value = self.request.form.get(name, "")
            if not isinstance(value, str):
                raise BadRequest(name)
            values[name] = value
        try:
            run(self.context, action, values)
        except ActionError as error:
            if error.status == 403:
                raise Forbidden("You may not do this on the inquiry.") from None
            set_state(
                self.request, action, values, {error.field or "action": error.message}
            )
            return self.context.restrictedTraverse("@@view")()
        api.portal.show_message(MESSAGES[action], request=self.request)
        return self.request.response.redirect(self.context.absolute_url() + "#timeline")
