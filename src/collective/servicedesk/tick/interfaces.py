"""The plug-in point of the tick: named ITickStep utilities."""

from zope.interface import Attribute
from zope.interface import Interface


class ITickStep(Interface):
    """One step of the periodic tick, registered as a named utility.

    Steps must be idempotent: the tick may run every minute or twice at once.
    """

    order = Attribute("Sort key; lower runs first (built-in steps: 10-90).")

    def __call__(portal, now):
        """Run the step at `now` (aware datetime); return a JSON-able summary."""
