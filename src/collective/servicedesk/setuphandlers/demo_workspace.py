"""Demo workspace: colleagues' availability and calls in the demo agent's queue."""

from collective.servicedesk import logger
from collective.servicedesk.directory.availability import get_status
from collective.servicedesk.directory.availability import set_status
from collective.servicedesk.queues.queries import my_open_query
from collective.servicedesk.workspace import bridge
from plone import api

# user id: (status, note)
STATUSES = {
    "agent2": ("available", ""),
    "handler": ("available", ""),
    "handler2": ("away", "Kurs til kl. 13"),
    "handler3": ("busy", "Befaring"),
    "editor": ("absent", "Ferie denne uka"),
}
# Phone calls the demo agent took and still has to follow up.
CALLS = (
    ("Innbygger spør om status på søknad om parkeringstillatelse", "parking"),
    ("Spørsmål om faktura for kommunale avgifter", "municipal-fees"),
)


def create_demo_workspace() -> None:
    """Set demo statuses where unset and fill the agent's queue if it is empty."""
    for user_id, (status, note) in STATUSES.items():
        if api.user.get(userid=user_id) is not None and get_status(user_id) is None:
            set_status(user_id, status, note)
    desk = bridge.service_desk()
    catalog = api.portal.get_tool("portal_catalog")
    if desk is None or len(catalog.unrestrictedSearchResults(**my_open_query("agent"))):
        logger.info("Demo workspace ready (agent's queue already filled).")
        return
    from collective.servicedesk.content.assignment import assign
    from collective.servicedesk.registration.service import register

    with api.env.adopt_user(username="agent"):
        for title, category in CALLS:
            inquiry = register(
                desk, {"title": title, "channel": "phone", "category": category}
            )
            assign(inquiry, handler="agent", reason="Demo")
    logger.info("Demo workspace ready: statuses and the agent's queue.")
