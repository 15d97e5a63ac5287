"""An event for every history entry, so features can react (e.g. resume a clock)."""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


class IHistoryRecorded(IObjectEvent):
    """An entry was appended to an inquiry's history."""

    entry = Attribute("The entry (a copy): who, when, action, comment, changes")


@implementer(IHistoryRecorded)
class HistoryRecorded(ObjectEvent):
    """Dispatched to subscribers for (object, IHistoryRecorded)."""

    def __init__(self, obj, entry: dict) -> None:
        super().__init__(obj)
        self.entry = entry
