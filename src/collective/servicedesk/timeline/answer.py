"""Replying is answering: a reply records the answer and moves the state."""

from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.replies.values import placeholder_values
from collective.servicedesk.timeline.actions import available_transitions
from plone import api

# States in which a final reply moves the inquiry to "answered".
OPEN_STATES = ("registered", "assigned", "in_progress", "forwarded")


def filled_values(inquiry) -> dict:
    """Placeholder values that are not empty (empty ones must stay visible)."""
    return {key: value for key, value in placeholder_values(inquiry).items() if value}


def reply_and_answer(
    inquiry,
    channel: str,
    text: str,
    *,
    keep_open: bool = False,
    close: bool = False,
    **reply_values,
) -> dict:
    """Send a reply; unless ``keep_open`` record it as the answer, answer (and close).

    Returns {"reply": the stored reply, "state": the state afterwards,
    "answered": bool, "closed": bool}. Raises ``ReplyError`` for bad input
    (nothing is changed then).
    """
    reply = send_reply(inquiry, channel, text, **reply_values)
    result = {"reply": reply, "answered": False, "closed": False}
    if not keep_open or close:
        # The answer field is the record of what the citizen was told.
        inquiry.answer = reply["text"]
        inquiry.reindexObject(idxs=["servicedesk_text"])
        if api.content.get_state(inquiry) in OPEN_STATES:
            if "answer" in available_transitions(inquiry):
                api.content.transition(obj=inquiry, transition="answer")
                result["answered"] = True
        if close and "close" in available_transitions(inquiry):
            api.content.transition(obj=inquiry, transition="close")
            result["closed"] = True
    result["state"] = api.content.get_state(inquiry)
    return result
