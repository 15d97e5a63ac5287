"""Helpers of the records tests: the records settings."""

from plone import api

PREFIX = "collective.servicedesk.records"


def configure(**values) -> None:
    """Set records registry records (commit yourself)."""
    for name, value in values.items():
        api.portal.set_registry_record(f"{PREFIX}.{name}", value)
