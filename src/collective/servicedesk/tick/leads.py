"""Find the leads of a unit: users with the Service Desk Lead role in or over it."""

from collective.servicedesk.notifications.recipients import expand
from collective.servicedesk.notifications.recipients import principals_with_role

LEAD_ROLE = "Service Desk Lead"


def all_leads() -> set[str]:
    """Return the ids of every user holding the lead role (directly or by group)."""
    return {user.getId() for user in expand(principals_with_role(LEAD_ROLE))}


def unit_leads(unit_id: str | None, leads: set[str] | None = None) -> list[str]:
    """Return the leads who are members of the unit, else all leads (over it)."""
    leads = all_leads() if leads is None else leads
    if unit_id:
        members = {user.getId() for user in expand([unit_id])}
        inside = leads & members
        if inside:
            return sorted(inside)
    return sorted(leads)
