"""Helpers of the records tests: the records settings."""

from collective.servicedesk.settings import settings


def configure(**values) -> None:
    """Set records settings (commit yourself)."""
    records = settings().records
    for name, value in values.items():
        setattr(records, name, value)
