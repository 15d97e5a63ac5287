"""The tick: reminders, escalation, daily digest and mail retries, run periodically."""

from collective.servicedesk.tick.interfaces import ITickStep
from collective.servicedesk.tick.runner import tick

__all__ = ["ITickStep", "tick"]
