"""Assigning an inquiry to a handler and/or a unit."""

from Acquisition import aq_base
from borg.localrole.interfaces import ILocalRoleProvider
from collective.servicedesk.content.events import InquiryAssignedEvent
from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.history import record
from zope.component import adapter
from zope.event import notify
from zope.interface import implementer

# The local role the assignee (user or unit group) gets on the inquiry.
ASSIGNEE_ROLE = "Editor"


def assign(
    inquiry, handler: str | None = None, unit: str | None = None, reason: str = ""
) -> bool:
    """Set handler and unit (None clears), record why; return whether it changed."""
    handler = handler or None
    unit = unit or None
    before = {
        name: getattr(aq_base(inquiry), name, None) or None
        for name in ("responsible_handler", "responsible_unit")
    }
    after = {"responsible_handler": handler, "responsible_unit": unit}
    changes = {
        name: [before[name], value]
        for name, value in after.items()
        if before[name] != value
    }
    if not changes:
        return False
    for name in changes:
        setattr(inquiry, name, after[name])
    record(inquiry, "reassigned", comment=reason, changes=changes)
    # The assignee's local role follows the fields (AssigneeRoles), so only
    # the security index and the changed field indexes need updating.
    inquiry.reindexObject(idxs=[*changes, "allowedRolesAndUsers"])
    notify(InquiryAssignedEvent(inquiry, changes, reason))
    return True


@implementer(ILocalRoleProvider)
@adapter(IInquiry)
class AssigneeRoles:
    """Local role for the responsible handler and unit, derived from the fields.

    Nothing is stored: when the fields change, the previous assignee loses
    the role at once, and it cannot be left behind by a forgotten clean-up.
    """

    def __init__(self, context) -> None:
        self.context = context

    def _assignees(self) -> set[str]:
        inquiry = aq_base(self.context)
        return {
            principal
            for principal in (
                getattr(inquiry, "responsible_handler", None),
                getattr(inquiry, "responsible_unit", None),
            )
            if principal
        }

    def getRoles(self, principal_id: str) -> list[str]:
        """Return the roles of a principal on the inquiry."""
        return [ASSIGNEE_ROLE] if principal_id in self._assignees() else []

    def getAllRoles(self):
        """Yield (principal, roles) for the catalog's allowedRolesAndUsers."""
        for principal in sorted(self._assignees()):
            yield principal, [ASSIGNEE_ROLE]
