"""Assignment, forwarding and answer notices for inquiries.

Events only put the inquiry on a per-transaction watch list; the notices are
composed in a before-commit hook, when the inquiry is complete (reference
number given, handler and unit set by the routing) and whatever order the
other subscribers ran in. A notice goes out only if that commit succeeds.
"""

from Acquisition import aq_base
from collective.servicedesk import logger
from collective.servicedesk.notifications.api import notify
from collective.servicedesk.notifications.recipients import principal_title
from plone import api
from zope.annotation.interfaces import IAnnotations
import transaction

# The handler or unit last told about the inquiry (no repeat for the same one).
NOTIFIED_KEY = "collective.servicedesk.notified_assignee"
_TXN_KEY = object()


def is_inquiry(obj: object) -> bool:
    return getattr(obj, "portal_type", None) == "Inquiry"


def watch(obj: object, answered: bool = False) -> None:
    """Check this inquiry's assignment (and answer) before the transaction commits."""
    txn = transaction.get()
    try:
        watched = txn.data(_TXN_KEY)
    except KeyError:
        watched = {}
        txn.set_data(_TXN_KEY, watched)
        txn.addBeforeCommitHook(process, args=(watched,))
    entry = watched.setdefault(id(aq_base(obj)), {"obj": obj, "answered": False})
    entry["answered"] = entry["answered"] or answered


def on_added(obj: object, event: object) -> None:
    if is_inquiry(obj):
        watch(obj)


def on_modified(obj: object, event: object) -> None:
    if is_inquiry(obj):
        watch(obj)


def on_transition(obj: object, event: object) -> None:
    if is_inquiry(obj):
        watch(obj, answered=getattr(event, "action", None) == "answer")


def process(watched: dict) -> None:
    """Send the notices of the watched inquiries (never fails the commit)."""
    entries = list(watched.values())
    watched.clear()
    for entry in entries:
        try:
            announce_assignment(entry["obj"])
            if entry["answered"]:
                announce_answer(entry["obj"])
        except Exception:
            logger.exception("Could not queue notices for %r", entry["obj"])


def _actor() -> str | None:
    return None if api.user.is_anonymous() else api.user.get_current().getId()


def announce_assignment(obj: object) -> list[str]:
    """Tell a new handler (else the unit) about the inquiry, once per assignee."""
    target = getattr(obj, "responsible_handler", None) or getattr(
        obj, "responsible_unit", None
    )
    annotations = IAnnotations(obj)
    if not target or annotations.get(NOTIFIED_KEY) == target:
        return []
    annotations[NOTIFIED_KEY] = target
    state = api.content.get_state(obj, default=None)
    kind = "forwarding" if state == "forwarded" else "assignment"
    actor = _actor()
    return notify(
        [target],
        kind,
        obj,
        exclude={actor} if actor else (),
        target=principal_title(target),
    )


def announce_answer(obj: object) -> list[str]:
    """Tell the front desk (the inquiry's registrars) that an answer is ready."""
    actor = _actor()
    return notify(registrars(obj), "answered", obj, exclude={actor} if actor else ())


def registrars(obj: object) -> list[str]:
    """Return who registered the inquiry: its creators, else its owner."""
    creators = [c for c in getattr(aq_base(obj), "creators", None) or () if c]
    if creators:
        return creators
    owner = obj.getOwnerTuple() if hasattr(aq_base(obj), "getOwnerTuple") else None
    return [owner[1]] if owner else []
