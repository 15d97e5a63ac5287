"""Rejections in plain language for the agent: what went wrong and what to fix."""

from collective.servicedesk import _
from zope.i18n import translate
from zope.i18nmessageid import Message

EXPLANATIONS = {
    "ugyldigforespoersel": _(
        "records_rejected_invalid",
        default="The records system refused the filing as incomplete or wrong: "
        "${text}. Check the case number and the inquiry's details, then send again.",
    ),
    "ikkefunnet": _(
        "records_rejected_not_found",
        default="The records system did not find the case: ${text}. Check the case "
        "number, or clear it to open a new case, then send again.",
    ),
    "serverfeil": _(
        "records_rejected_server",
        default="The records system had an error: ${text}. Send again later; tell "
        "the records office if it happens again.",
    ),
    "feilet": _(
        "records_rejected_failed",
        default="The records system could not file it: ${text}. Fix the inquiry "
        "and send again.",
    ),
    "invalid_message": _(
        "records_rejected_local",
        default="The message did not pass the Fiks Arkiv schema and was not sent: "
        "${text}. Tell the administrator.",
    ),
}


def describe(error: dict, request=None) -> dict:
    """Return {type, message, detail} for an agent; the message is translated."""
    kind = error.get("type", "")
    message = EXPLANATIONS.get(kind, EXPLANATIONS["feilet"])
    text = error.get("text", "") or "-"
    msg = Message(message, mapping={"text": text})
    return {
        "type": kind,
        "message": translate(msg, context=request),
        "detail": text,
        "id": error.get("id", ""),
    }
