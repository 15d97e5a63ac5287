"""Events of the inquiry's life that other features listen to."""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


class IInquiryAssignedEvent(IObjectEvent):
    """The responsible handler and/or unit of an inquiry changed."""

    changes = Attribute("{field: [before, after]} of the changed fields")
    reason = Attribute("Why it was (re)assigned")


@implementer(IInquiryAssignedEvent)
class InquiryAssignedEvent(ObjectEvent):
    """Fired by `content.assignment.assign` after a change of assignee."""

    def __init__(self, obj, changes: dict, reason: str = "") -> None:
        super().__init__(obj)
        self.changes = changes
        self.reason = reason
