"""Notifications: translated e-mail notices and the outgoing-mail queue."""

from collective.servicedesk.notifications.api import notify
from collective.servicedesk.notifications.api import queue_mail

__all__ = ["notify", "queue_mail"]
