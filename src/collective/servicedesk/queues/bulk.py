"""Bulk actions on listed inquiries: take, forward with a reason, close, tag.

Each inquiry is looked up through the catalog with the user's permissions and
then checked on its own (view, and the permission or workflow transition the
action needs), so one list action can never do more than the same clicks on
each inquiry page. What is refused is reported per inquiry, nothing is hidden.
"""

from collective.servicedesk import _
from collective.servicedesk.content.assignment import assign
from collective.servicedesk.content.guards import can_close
from collective.servicedesk.registration.service import mark_assigned
from plone import api

ACTIONS = ("take", "forward", "close", "tag")
MAX_ITEMS = 200  # a page of the listing at its largest batch size
MAX_REASON = 2000
MAX_TAG = 100
# The permission the single-inquiry assign service requires.
ASSIGN_PERMISSION = "Modify portal content"

NOT_FOUND = _("bulk_not_found", default="Not found, or you may not view it.")
NOT_ALLOWED = _("bulk_not_allowed", default="You may not do this on this inquiry.")
UNCHANGED = _("bulk_unchanged", default="Already like this.")
NEEDS_ANSWER = _(
    "bulk_needs_answer",
    default="Not answered yet: answer it (or mark it solved on first contact) "
    "before closing.",
)


class BulkError(ValueError):
    """The request as a whole is refused: {field: translatable message}."""

    def __init__(self, errors: dict) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


def check(data: dict) -> dict:
    """The cleaned request, or BulkError before any inquiry is touched."""
    errors = {}
    action = data.get("action")
    if action not in ACTIONS:
        errors["action"] = _("bulk_error_action", default="Choose an action.")
    uids = data.get("uids")
    if isinstance(uids, str):
        uids = [uids]
    if not isinstance(uids, (list, tuple)) or not uids:
        errors["uids"] = _("bulk_error_none", default="Select at least one inquiry.")
        uids = []
    elif len(uids) > MAX_ITEMS or not all(isinstance(u, str) for u in uids):
        errors["uids"] = _(
            "bulk_error_too_many",
            default="Select at most ${max} inquiries at a time.",
            mapping={"max": MAX_ITEMS},
        )
    reason = data.get("reason") or ""
    unit = data.get("unit") or ""
    tag = (data.get("tag") or "") if isinstance(data.get("tag"), str) else None
    if not isinstance(reason, str) or len(reason) > MAX_REASON:
        errors["reason"] = _(
            "bulk_error_reason_long",
            default="At most ${max} characters.",
            mapping={"max": MAX_REASON},
        )
    if action == "forward":
        if not isinstance(unit, str) or not unit or api.group.get(unit) is None:
            errors["unit"] = _("error_unknown_unit", default="There is no such unit.")
        if isinstance(reason, str) and not reason.strip():
            errors["reason"] = _(
                "bulk_error_reason",
                default="Say why you forward them; the handler sees it.",
            )
    if action == "tag" and (not tag or not tag.strip() or len(tag) > MAX_TAG):
        errors["tag"] = _(
            "bulk_error_tag",
            default="Give a tag of at most ${max} characters.",
            mapping={"max": MAX_TAG},
        )
    if errors:
        raise BulkError(errors)
    return {
        "action": action,
        "uids": list(dict.fromkeys(uids)),
        "unit": unit,
        "reason": reason.strip(),
        "tag": (tag or "").strip(),
    }


def _inquiry(desk, uid: str):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.searchResults(
        UID=uid, portal_type="Inquiry", path="/".join(desk.getPhysicalPath())
    )
    if not brains:
        return None
    inquiry = brains[0].getObject()
    return inquiry if api.user.has_permission("View", obj=inquiry) else None


def _apply(inquiry, data: dict, user_id: str):
    """Do the action on one inquiry; None when done, else a message why not."""
    action = data["action"]
    if action in ("take", "forward", "tag"):
        if not api.user.has_permission(ASSIGN_PERMISSION, obj=inquiry):
            return NOT_ALLOWED
    if action == "take":
        if not assign(
            inquiry,
            handler=user_id,
            unit=getattr(inquiry, "responsible_unit", None),
            reason=data["reason"],
        ):
            return UNCHANGED
        mark_assigned(inquiry)
    elif action == "forward":
        if not assign(inquiry, unit=data["unit"], reason=data["reason"]):
            return UNCHANGED
        mark_assigned(inquiry)
    elif action == "close":
        workflow = api.portal.get_tool("portal_workflow")
        available = {t["id"] for t in workflow.getTransitionsFor(inquiry)}
        if "close" not in available:
            if api.user.has_permission(ASSIGN_PERMISSION, obj=inquiry) and not (
                can_close(inquiry)
            ):
                return NEEDS_ANSWER
            return NOT_ALLOWED
        api.content.transition(obj=inquiry, transition="close", comment=data["reason"])
    elif action == "tag":
        tags = list(getattr(inquiry, "tags", None) or [])
        if data["tag"] in tags:
            return UNCHANGED
        inquiry.tags = [*tags, data["tag"]]
        inquiry.reindexObject(idxs=["Subject", "SearchableText", "servicedesk_text"])
    return None


def run(desk, data: dict) -> dict:
    """Apply a checked bulk request; return done references and refusals."""
    user_id = api.user.get_current().getId()
    done, refused = [], []
    for uid in data["uids"]:
        inquiry = _inquiry(desk, uid)
        if inquiry is None:
            refused.append({"uid": uid, "reference": "", "message": NOT_FOUND})
            continue
        problem = _apply(inquiry, data, user_id)
        reference = getattr(inquiry, "reference_number", "") or ""
        if problem is None:
            done.append({"uid": uid, "reference": reference})
        else:
            refused.append({"uid": uid, "reference": reference, "message": problem})
    return {"done": done, "refused": refused}
