"""Test data for the workspace, statistics and calendar tests."""

from collective.servicedesk.content.assignment import assign
from collective.servicedesk.setuphandlers import demo
from DateTime import DateTime
from datetime import datetime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.protect.authenticator import createToken
import json

WORKFLOW = "servicedesk_inquiry_workflow"
PATHS = {
    "registered": (),
    "assigned": ("assign",),
    "in_progress": ("assign", "start"),
    "forwarded": ("assign", "forward"),
    "answered": ("assign", "answer"),
    "closed": ("close",),
}
PASSWORD = demo.DEMO_PASSWORD


def people(portal) -> None:
    """The demo groups and users (the test user becomes Manager)."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    demo.ensure_groups()
    demo.ensure_users()


def make_desk(portal, desk_id: str = "desk"):
    """A service desk (with the demo people)."""
    people(portal)
    if desk_id in portal.objectIds():
        return portal[desk_id]
    return api.content.create(
        container=portal, type="ServiceDesk", id=desk_id, title="Servicetorget"
    )


def make_inquiry(
    desk,
    title: str = "Spørsmål",
    *,
    channel: str = "phone",
    category: str | None = None,
    unit: str | None = None,
    handler: str | None = None,
    level: str | None = None,
    state: str = "registered",
    created: datetime | None = None,
    answered: datetime | None = None,
    due: datetime | None = None,
    fcr: bool = False,
    tally: bool = False,
    **extra,
):
    """Create an inquiry in a given state with controlled dates, as a Manager."""
    with api.env.adopt_roles(["Manager"]):
        inquiry = api.content.create(
            container=desk, type="Inquiry", title=title, channel=channel, **extra
        )
        inquiry.category = category
        inquiry.service_level = level
        if tally:
            inquiry.tally = True
        if unit or handler:
            assign(inquiry, handler=handler, unit=unit)
        if state in ("answered", "closed"):
            inquiry.answer = "Svar"
        inquiry.solved_first_contact = fcr
        for transition in PATHS[state]:
            api.content.transition(obj=inquiry, transition=transition)
    inquiry.due_date = due
    if created is not None:
        inquiry.creation_date = DateTime(created.isoformat())
    if answered is not None:
        history = list(inquiry.workflow_history[WORKFLOW])
        for index, entry in enumerate(history):
            if entry.get("review_state") in ("answered", "closed") and entry.get(
                "action"
            ):
                history[index] = dict(entry, time=DateTime(answered.isoformat()))
                break
        inquiry.workflow_history[WORKFLOW] = tuple(history)
    inquiry.reindexObject()
    return inquiry


def call(portal, request, name: str, method: str = "POST", token: bool = True, **form):
    """Call an endpoint like the bar's fetch() does; return (status, JSON body)."""
    request.method = method
    request.environ["REQUEST_METHOD"] = method
    request.environ["HTTP_ACCEPT"] = "application/json"
    request.form.update(form)
    if token:
        request.form["_authenticator"] = createToken()
    body = portal.restrictedTraverse(f"@@{name}")()
    return request.response.getStatus(), json.loads(body)


def inquiries() -> list:
    return [b.getObject() for b in api.content.find(portal_type="Inquiry")]
