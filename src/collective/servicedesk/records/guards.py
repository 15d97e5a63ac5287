"""Workflow guard of the "file" transition: only a receipt files an inquiry."""

from AccessControl import ModuleSecurityInfo
from collective.servicedesk.records import state

security = ModuleSecurityInfo("collective.servicedesk.records.guards")
security.declarePublic("has_receipt")


def has_receipt(obj) -> bool:
    """True once the records system has acknowledged every journalpost."""
    return state.status(obj) == state.FILED
