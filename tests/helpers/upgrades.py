"""Shared checks of the upgrade-step tests (tests/upgrades/test_v*.py)."""

from plone import api

PROFILE = "collective.servicedesk:default"


def registered_steps(profile: str = PROFILE) -> set[tuple[str, str]]:
    """(source, destination) of every upgrade step registered for the profile."""
    steps = api.portal.get_tool("portal_setup").listUpgrades(profile, show_old=True)
    flat = [
        step
        for group in steps
        for step in (group if isinstance(group, list) else [group])
    ]
    return {(step["ssource"], step["sdest"]) for step in flat}


def records_under(prefix: str) -> list[str]:
    """Names of the registry records whose name starts with ``prefix``."""
    registry = api.portal.get_tool("portal_registry")
    return [key for key in registry.records.keys() if key.startswith(prefix)]


def drop_records(prefix: str, *names: str) -> None:
    """Delete records, as on a site installed before they existed."""
    registry = api.portal.get_tool("portal_registry")
    for name in names:
        del registry.records[f"{prefix}.{name}"]
