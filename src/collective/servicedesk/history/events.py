"""An event for every history entry, so features can react (e.g. resume a clock)."""

from zope.interface import Attribute
from zope.interface import Interface
from zope.interface import implementer


class IHistoryRecorded(Interface):
    """An entry was appended to an inquiry's history."""

    object = Attribute("The inquiry")
    entry = Attribute("The entry (a copy): who, when, action, comment, changes")


@implementer(IHistoryRecorded)
class HistoryRecorded:
    def __init__(self, obj, entry: dict) -> None:
        self.object = obj
        self.entry = entry
