"""Workflow side effects on inquiries."""

# States whose entry means the requester got an answer.
ANSWERED_STATES = ("answered", "closed")


def transition_succeeded(obj, event) -> None:
    """Keep ``answered_date`` in the catalog current after a transition."""
    if event.transition is not None and event.new_state.id in ANSWERED_STATES:
        obj.reindexObject(idxs=["answered_date"])
