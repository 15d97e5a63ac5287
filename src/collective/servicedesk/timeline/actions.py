"""Quick actions on an inquiry: take it, forward, wait for the citizen, remind, close.

Each action checks its inquiry permission, validates and raises
``ActionError`` (translatable message and field) before changing anything.
"""

from collective.servicedesk import _
from collective.servicedesk.content.assignment import assign
from collective.servicedesk.deadlines import pause as clock
from collective.servicedesk.history import record
from plone import api
from zope.i18nmessageid import Message

MODIFY = "Modify portal content"
MAX_REASON = 2000
ACTIONS = ("take", "forward", "wait", "resume", "remind", "close")


class ActionError(ValueError):
    """The action cannot be done as asked; ``message`` says why, ``field`` where."""

    def __init__(self, message: Message, field: str = "", status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status


def available_transitions(inquiry) -> set[str]:
    """Ids of the workflow transitions the current user may do now."""
    workflow = api.portal.get_tool("portal_workflow")
    return {t["id"] for t in workflow.getTransitionsFor(inquiry)}


def _require(inquiry, permission: str = MODIFY) -> None:
    if not api.user.has_permission("View", obj=inquiry) or not (
        api.user.has_permission(permission, obj=inquiry)
    ):
        raise ActionError(
            _("error_action_forbidden", default="You may not do this on the inquiry."),
            status=403,
        )


def _reason(reason: str, required: bool) -> str:
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise ActionError(
            _(
                "error_reason_too_long",
                default="The reason can be at most ${max} characters long.",
                mapping={"max": MAX_REASON},
            ),
            "reason",
        )
    if required and not reason:
        raise ActionError(
            _(
                "error_reassign_reason",
                default="Say why the inquiry goes to someone else.",
            ),
            "reason",
        )
    return reason


def take(inquiry) -> dict:
    """Make the current user the responsible handler and start work."""
    _require(inquiry)
    user_id = api.user.get_current().getId()
    if inquiry.responsible_handler == user_id:
        raise ActionError(
            _("error_already_yours", default="The inquiry is already yours."),
            "handler",
        )
    assign(inquiry, handler=user_id, unit=inquiry.responsible_unit)
    record(inquiry, "taken")
    if "start" in available_transitions(inquiry):
        api.content.transition(obj=inquiry, transition="start")
    return {"handler": user_id}


def forward(inquiry, handler: str = "", unit: str = "", reason: str = "") -> dict:
    """Give the inquiry to a person and/or unit with a reason; forward if possible."""
    _require(inquiry)
    from collective.servicedesk.registration.service import mark_assigned

    handler, unit = (handler or "").strip() or None, (unit or "").strip() or None
    reason_error = None
    try:
        reason = _reason(reason, required=True)
    except ActionError as error:
        reason_error = error
    if handler is None and unit is None:
        raise ActionError(
            _("error_no_target", default="Give a handler, a unit or both."), "handler"
        )
    acl = api.portal.get_tool("acl_users")
    if handler and acl.getUserById(handler) is None:
        raise ActionError(
            _("error_unknown_person", default="Choose a person from the list."),
            "handler",
        )
    if unit and acl.getGroupById(unit) is None:
        raise ActionError(
            _("error_unknown_unit", default="Choose a unit from the list."), "unit"
        )
    if reason_error is not None:
        raise reason_error
    if not assign(inquiry, handler=handler, unit=unit, reason=reason):
        raise ActionError(
            _(
                "error_assignment_unchanged",
                default="The inquiry is already assigned this way.",
            ),
            "handler",
        )
    forwarded = False
    if "forward" in available_transitions(inquiry):
        api.content.transition(obj=inquiry, transition="forward", comment=reason)
        forwarded = True
    else:
        mark_assigned(inquiry)
    return {"handler": handler, "unit": unit, "forwarded": forwarded}


def wait(inquiry, reason: str = "") -> dict:
    """Wait for the citizen: the deadline clock stops until they answer."""
    _require(inquiry)
    reason = _reason(reason, required=False)
    if not clock.pause(inquiry, reason):
        raise ActionError(
            _("error_already_waiting", default="The inquiry already waits."), ""
        )
    return {"waiting": True}


def resume(inquiry, reason: str = "") -> dict:
    """Stop waiting: the clock runs again and the due date moves on."""
    _require(inquiry)
    hours = clock.resume(inquiry, _reason(reason, required=False))
    if hours is None:
        raise ActionError(
            _("error_not_waiting", default="The inquiry does not wait."), ""
        )
    return {"waiting": False, "paused_hours": round(hours, 2)}


def remind(inquiry) -> dict:
    """Send the responsible handler (or unit) a reminder now."""
    _require(inquiry, "View")
    target = inquiry.responsible_handler or inquiry.responsible_unit
    if not target:
        raise ActionError(
            _("error_nobody_to_remind", default="Nobody is responsible yet."),
            "handler",
        )
    from collective.servicedesk.notifications import notify

    keys = notify([target], "reminder", inquiry)
    record(inquiry, "reminded")
    return {"reminded": target, "notices": len(keys)}


def close(inquiry) -> dict:
    """Close the inquiry (it needs an answer, or to be solved on first contact)."""
    _require(inquiry)
    if "close" not in available_transitions(inquiry):
        raise ActionError(
            _(
                "error_cannot_close",
                default="The inquiry cannot be closed yet: reply to the citizen first.",
            ),
            "",
            status=409,
        )
    api.content.transition(obj=inquiry, transition="close")
    return {"state": "closed"}


def run(inquiry, action: str, values: dict) -> dict:
    """Run a quick action by name with form or JSON values."""
    if action not in ACTIONS:
        raise ActionError(
            _("error_unknown_action", default="Unknown action."), "action"
        )
    for name, value in values.items():
        # Ids are short and a reason has its own limit: refuse before any lookup.
        if len(value or "") > MAX_REASON:
            raise ActionError(
                _("error_text_too_long", default="The text is too long."), name
            )
    reason = values.get("reason", "")
    if action == "forward":
        return forward(
            inquiry,
            handler=values.get("handler", ""),
            unit=values.get("unit", ""),
            reason=reason,
        )
    if action == "wait":
        return wait(inquiry, reason=reason)
    if action == "resume":
        return resume(inquiry, reason=reason)
    return {"take": take, "remind": remind, "close": close}[action](inquiry)
