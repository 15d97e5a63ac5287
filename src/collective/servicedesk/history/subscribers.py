"""Record creation, transitions and edits in the history."""

from collective.servicedesk.history.storage import clear
from collective.servicedesk.history.storage import record
from zope.lifecycleevent.interfaces import IAttributes


def created(obj, event) -> None:
    """Record the creation (also of a pasted copy)."""
    record(obj, "created")


def copied(obj, event) -> None:
    """A copy does not inherit the original's history."""
    clear(obj)


def transitioned(obj, event) -> None:
    """Record a workflow transition with its comment."""
    if event.transition is None:
        return
    comment = (event.kwargs or {}).get("comment") or (event.status or {}).get(
        "comments", ""
    )
    record(
        obj,
        event.transition.id,
        comment=comment,
        changes={"review_state": [event.old_state.id, event.new_state.id]},
    )


def edited(obj, event) -> None:
    """Record which fields an edit changed: names only, never the values."""
    fields = []
    for description in getattr(event, "descriptions", ()) or ():
        if IAttributes.providedBy(description):
            fields.extend(
                name.split(".")[-1]
                for name in description.attributes
                if name.split(".")[-1] not in fields
            )
    record(obj, "edited", changes={"fields": sorted(set(fields))})
