"""The demo profile: a fictitious municipality with groups, users and containers."""

from collective.servicedesk import logger
from collective.servicedesk.replies.demo import create_demo_replies
from collective.servicedesk.setuphandlers.demo_inquiries import create_demo_inquiries
from collective.servicedesk.setuphandlers.demo_knowledge import create_demo_knowledge
from collective.servicedesk.setuphandlers.demo_routing import setup_demo_routing
from collective.servicedesk.setuphandlers.demo_workspace import create_demo_workspace
from plone import api

# Passwords are documented in the README: demo data only, never production.
DEMO_PASSWORD = "demo-servicedesk"

GROUPS = {
    "servicedesk-frontdesk": ("Front desk", "Servicetorget", ["Service Desk Agent"]),
    "servicedesk-building": (
        "Building and planning",
        "Byggesak og plan",
        ["Case Handler"],
    ),
    "servicedesk-health": ("Health and social", "Helse og sosial", ["Case Handler"]),
    "servicedesk-technical": (
        "Technical services",
        "Tekniske tjenester",
        ["Case Handler"],
    ),
    "servicedesk-editors": (
        "Knowledge editors",
        "Kunnskapsredaktører",
        ["Knowledge Editor"],
    ),
    "servicedesk-leads": ("Service desk leads", "Ledere", ["Service Desk Lead"]),
}

# user id: (full name, e-mail, groups)
USERS = {
    "agent": ("Kari Nordmann", "kari@demo.kommune.no", ["servicedesk-frontdesk"]),
    "agent2": ("Ola Hansen", "ola@demo.kommune.no", ["servicedesk-frontdesk"]),
    "handler": (
        "Per Byggmester",
        "per@demo.kommune.no",
        ["servicedesk-building"],
    ),
    "handler2": ("Ingrid Helse", "ingrid@demo.kommune.no", ["servicedesk-health"]),
    "handler3": ("Nils Vei", "nils@demo.kommune.no", ["servicedesk-technical"]),
    "editor": ("Eva Redaktør", "eva@demo.kommune.no", ["servicedesk-editors"]),
    "lead": ("Liv Leder", "liv@demo.kommune.no", ["servicedesk-leads"]),
}


def ensure_groups() -> None:
    """Create the demo groups with their roles (idempotent)."""
    for group_id, (title, description, roles) in GROUPS.items():
        group = api.group.get(groupname=group_id)
        if group is None:
            group = api.group.create(
                groupname=group_id, title=title, description=description
            )
        api.group.grant_roles(groupname=group_id, roles=roles)


def ensure_users() -> None:
    """Create the demo users and put them into their groups (idempotent)."""
    for user_id, (fullname, email, groups) in USERS.items():
        if api.user.get(username=user_id) is None:
            api.user.create(
                username=user_id,
                email=email,
                password=DEMO_PASSWORD,
                properties={"fullname": fullname},
            )
        for group_id in groups:
            api.group.add_user(groupname=group_id, username=user_id)


def post_install(context) -> None:
    """Create the demo municipality; running it twice changes nothing."""
    ensure_groups()
    ensure_users()
    # Feature demo data, one call per feature, in dependency order.
    setup_demo_routing()  # categories-routing: units, competence, roster
    create_demo_inquiries()  # registration: desk, knowledge base, inquiries
    create_demo_knowledge()  # knowledge: FAQ entries and experience documents
    create_demo_replies()  # replies-privacy: reply templates, letterhead
    create_demo_workspace()  # workspace: availability, the agent's queue
    logger.info("Demo municipality ready.")
