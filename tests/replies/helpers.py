"""Shared helpers of the replies and privacy tests."""

from collective.servicedesk.records.state import record_demo_receipt
from plone import api

PASSWORD = "secret-pw-123"
# The service desk's own sender of public replies.
SENDER = ("Servicetorget Demo", "servicetorget@demo.kommune.no")
WORKFLOW = "servicedesk_inquiry_workflow"

PERSON = {
    "requester_name": "Åse Nordmann",
    "requester_email": "ase@example.org",
    "requester_phone": "912 34 567",
    "requester_organisation": "Åse AS",
}


def make_desk(portal):
    """Create a service desk (as Manager)."""
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal, type="ServiceDesk", id="desk", title="Service desk"
        )


def make_inquiry(desk, **fields):
    """Create an inquiry with personal data unless told otherwise."""
    values = {
        "title": "Building permit for a garage",
        "channel": "phone",
        "category": None,
        **PERSON,
        **fields,
    }
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(container=desk, type="Inquiry", **values)


def close(obj, answer: str = "You need a permit.") -> None:
    """Answer and close the inquiry."""
    with api.env.adopt_roles(["Manager"]):
        obj.answer = answer
        api.content.transition(obj, transition="close")


def file(obj, case_number: str = "26/00042") -> None:
    """File a closed, archive-worthy inquiry in the records system."""
    with api.env.adopt_roles(["Manager"]):
        obj.archive_worthy = True
        obj.case_number = case_number
        # "file" needs the records system's receipt (records/): pretend it came.
        record_demo_receipt(obj)
        api.content.transition(obj, transition="file")


def add_user(user_id: str, roles: list[str]) -> None:
    """Create a user with global roles."""
    api.user.create(
        username=user_id, email=f"{user_id}@demo.kommune.no", password=PASSWORD
    )
    api.user.grant_roles(username=user_id, roles=roles)


def point_mailhost(port: int) -> None:
    """Send the site's mail to 127.0.0.1:port; set the service desk sender."""
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "post@demo.kommune.no")
    api.portal.set_registry_record("plone.email_from_name", "Demo kommune")
    api.portal.set_registry_record("collective.servicedesk.sender_name", SENDER[0])
    api.portal.set_registry_record("collective.servicedesk.sender_address", SENDER[1])
