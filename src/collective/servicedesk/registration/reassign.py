"""Reassign or forward an inquiry from its own page, with a reason (history)."""

from collective.servicedesk import _
from collective.servicedesk.content.assignment import assign
from collective.servicedesk.registration.service import mark_assigned
from collective.servicedesk.registration.vocabularies import handlers
from collective.servicedesk.registration.vocabularies import units
from collective.servicedesk.routing import suggest
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

NEED_REASON = _(
    "error_reassign_reason", default="Say why the inquiry goes to someone else."
)
NO_TARGET = _("error_no_target", default="Give a handler, a unit or both.")
UNCHANGED = _(
    "error_assignment_unchanged",
    default="The inquiry is already assigned this way.",
)


class ReassignView(BrowserView):
    """GET shows the form (no writes); POST reassigns and, if asked, forwards."""

    errors: dict

    def options(self, vocabulary, current: str | None) -> list[dict]:
        """Terms of a vocabulary as options, the current value selected."""
        return [
            {"value": t.value, "title": t.title, "selected": t.value == current}
            for t in vocabulary(self.context)
        ]

    def handler_options(self) -> list[dict]:
        value = self.request.form.get("handler", self.context.responsible_handler)
        return self.options(handlers, value)

    def unit_options(self) -> list[dict]:
        value = self.request.form.get("unit", self.context.responsible_unit)
        return self.options(units, value)

    def suggestion(self) -> str:
        """The routing suggestion for the inquiry's category, as a sentence.

        Without a category there is nothing to suggest (and no category field here).
        """
        category = getattr(self.context, "category", None)
        if not category:
            return ""
        result = suggest(category)
        return translate(result.reason, context=self.request) if result else ""

    def may_forward(self) -> bool:
        """Whether forwarding can follow the reassignment (its guard needs a target,
        which this very form sets, so only the state and the right are checked)."""
        workflow = api.portal.get_tool("portal_workflow")
        definition = workflow.getWorkflowsFor(self.context)[0]
        state = definition.states.get(api.content.get_state(self.context))
        return (
            state is not None
            and "forward" in state.transitions
            and api.user.has_permission("Modify portal content", obj=self.context)
        )

    def can_forward(self) -> bool:
        workflow = api.portal.get_tool("portal_workflow")
        return "forward" in {t["id"] for t in workflow.getTransitionsFor(self.context)}

    def __call__(self):
        self.errors = {}
        if self.request.method == "POST" and "form.submitted" in self.request.form:
            CheckAuthenticator(self.request)
            if self.save():
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def save(self) -> bool:
        """Validate and apply; keep the typed values and explain errors."""
        form = self.request.form
        handler = form.get("handler") or None
        unit = form.get("unit") or None
        reason = (form.get("reason") or "").strip()
        if handler is None and unit is None:
            self.errors["handler"] = NO_TARGET
        if not reason:
            self.errors["reason"] = NEED_REASON
        if self.errors:
            return False
        if not assign(self.context, handler=handler, unit=unit, reason=reason):
            self.errors["handler"] = UNCHANGED
            return False
        if form.get("forward") and self.can_forward():
            api.content.transition(
                obj=self.context, transition="forward", comment=reason
            )
        else:
            mark_assigned(self.context)
        api.portal.show_message(
            _("msg_reassigned", default="The inquiry was reassigned."),
            request=self.request,
        )
        return True
