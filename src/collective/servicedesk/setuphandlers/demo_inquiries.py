"""Demo inquiries: a living service desk with a realistic spread of cases.

Idempotent: every demo inquiry has a key, and the keys already created are
remembered on the service desk, so running the demo profile again adds nothing.
"""

from collective.servicedesk import logger
from collective.servicedesk.annotations import object_storage
from collective.servicedesk.content.assignment import assign
from collective.servicedesk.deadlines.calendar import TIMEZONE
from collective.servicedesk.deadlines.promise import apply_promise
from collective.servicedesk.records.state import record_demo_receipt
from collective.servicedesk.setuphandlers.demo_inquiry_data import INQUIRIES
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from persistent.list import PersistentList
from plone import api
from plone.dexterity.utils import createContentInContainer

DESK_ID = "service-desk"
KNOWLEDGE_BASE_ID = "knowledge-base"
ANNOTATION_KEY = "collective.servicedesk.demo_inquiries"
# The states each target state is reached through (the workflow's guards hold).
PATHS = {
    "registered": (),
    "assigned": ("assign",),
    "in_progress": ("assign", "start"),
    "forwarded": ("assign", "forward"),
    "answered": ("assign", "forward", "answer"),
    "closed": ("close",),
    "filed": ("close", "file"),
}


def ensure_containers(portal) -> object:
    """Create the demo service desk (and knowledge base, if that type exists)."""
    desk = portal.get(DESK_ID)
    if desk is None:
        desk = api.content.create(
            container=portal, type="ServiceDesk", id=DESK_ID, title="Servicetorget"
        )
    types = api.portal.get_tool("portal_types")
    if portal.get(KNOWLEDGE_BASE_ID) is None and "KnowledgeBase" in types.objectIds():
        api.content.create(
            container=portal,
            type="KnowledgeBase",
            id=KNOWLEDGE_BASE_ID,
            title="Kunnskapsbanken",
        )
    return desk


def _created_keys(desk) -> PersistentList:
    return object_storage(desk, ANNOTATION_KEY, PersistentList, create=True)


def _backdate(inquiry, hours_ago: float, own_due_date: bool) -> None:
    """Pretend the inquiry came in `hours_ago` hours ago; its due date follows."""
    when = datetime.now(TIMEZONE) - timedelta(hours=hours_ago)
    inquiry.creation_date = DateTime(when.isoformat())
    inquiry.modification_date = inquiry.creation_date
    if not own_due_date:
        apply_promise(inquiry)  # the category's promise, counted from the new date


def create_inquiry(desk, spec: dict):
    """Create one demo inquiry as its agent and walk it to its state."""
    fields = dict(spec["fields"])
    agent = spec.get("agent", "agent")
    with api.env.adopt_user(username=agent):
        with api.env.adopt_roles(roles=["Manager"]):
            inquiry = createContentInContainer(desk, "Inquiry", **fields)
            _backdate(inquiry, spec.get("hours_ago", 1), "due_date" in fields)
            if spec.get("overdue_by"):
                inquiry.due_date = datetime.now(TIMEZONE) - timedelta(
                    hours=spec["overdue_by"]
                )
            handler, unit = spec.get("handler"), spec.get("unit")
            if handler or unit:
                assign(
                    inquiry, handler=handler, unit=unit, reason=spec.get("reason", "")
                )
            for transition in PATHS[spec["state"]]:
                if transition == "answer" and not inquiry.answer:
                    inquiry.answer = spec.get("answer", "Svar er gitt.")
                if transition == "file":  # "file" needs the archive's receipt
                    record_demo_receipt(inquiry)
                api.content.transition(obj=inquiry, transition=transition)
    inquiry.reindexObject()
    return inquiry


def create_demo_inquiries(portal=None) -> int:
    """Create the demo desk and the demo inquiries missing from it; return how many."""
    portal = portal or api.portal.get()
    # Whoever may import a profile may create its demo content.
    with api.env.adopt_roles(roles=["Manager"]):
        desk = ensure_containers(portal)
        done = _created_keys(desk)
        added = 0
        for spec in INQUIRIES:
            if spec["key"] in done:
                continue
            create_inquiry(desk, spec)
            done.append(spec["key"])
            added += 1
    logger.info("Demo inquiries: %s added.", added)
    return added
