"""history: who did what to an inquiry, when and why."""

from collective.servicedesk.history.storage import entries
from collective.servicedesk.history.storage import record

__all__ = ["entries", "record"]
