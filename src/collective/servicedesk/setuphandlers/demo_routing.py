"""Demo routing: units on categories, competence of the demo handlers, a live roster."""

from collective.servicedesk import logger
from collective.servicedesk.categories.storage import get_category
from collective.servicedesk.categories.storage import update_category
from collective.servicedesk.routing import competence
from collective.servicedesk.routing import roster
from datetime import datetime
from datetime import time
from datetime import timedelta

DEMO_NOTE = "Demo"

UNITS = {
    "servicedesk-frontdesk": ("switchboard", "nav-referral", "complaints", "other"),
    "servicedesk-building": ("building-permits", "address-property", "property-tax"),
    "servicedesk-technical": (
        "waste-collection",
        "water-sewage",
        "roads-snow",
        "parking",
        "municipal-fees",
    ),
    "servicedesk-health": (
        "health-services",
        "home-care",
        "social-assistance",
        "housing-allowance",
        "municipal-housing",
    ),
}

COMPETENCE = {
    "building-permits": ["user:handler", "group:servicedesk-building"],
    "address-property": ["user:handler"],
    "property-tax": ["user:handler"],
    "health-services": ["user:handler2"],
    "home-care": ["user:handler2"],
    "social-assistance": ["user:handler2"],
    "housing-allowance": ["user:handler2"],
    "water-sewage": ["user:handler3"],
    "roads-snow": ["user:handler3"],
    "waste-collection": ["user:handler3"],
    "parking": ["user:handler3"],
    "culture-library": ["user:agent2"],
}

# user, categories, first day (relative to today), number of days. Starting at
# midnight today keeps the demo alive: someone is on duty whenever it is opened.
ROSTER = (
    ("user:handler3", ("water-sewage", "roads-snow"), 0, 7),
    ("user:handler2", ("health-services", "home-care"), 0, 5),
    ("user:agent2", ("switchboard",), 0, 1),
    ("user:handler", ("building-permits",), 7, 7),
    ("user:handler", ("building-permits",), -7, 7),
)


def setup_demo_routing() -> None:
    """Set units and competence where empty and renew the demo roster (idempotent)."""
    for unit, category_ids in UNITS.items():
        for category_id in category_ids:
            category = get_category(category_id)
            if category is not None and not category["unit"]:
                update_category(category_id, unit=unit)
    for category_id, principals in COMPETENCE.items():
        if get_category(category_id) and not competence.get_competence(category_id):
            competence.set_competence(category_id, principals)
    for period in roster.list_periods():
        if period["note"] == DEMO_NOTE:
            roster.remove_period(period["id"])
    midnight = datetime.combine(datetime.now(roster.portal_timezone()).date(), time(0))
    midnight = midnight.replace(tzinfo=roster.portal_timezone())
    for user, category_ids, first_day, days in ROSTER:
        start = midnight + timedelta(days=first_day)
        roster.add_period(
            user, list(category_ids), start, start + timedelta(days=days), DEMO_NOTE
        )
    logger.info("Demo routing ready: units, competence and duty roster.")
