"""Messages: internal notes on inquiries and a per-user message box."""

from collective.servicedesk.messages.box import deliver
from collective.servicedesk.messages.box import unread_count
from collective.servicedesk.messages.notes import add_note
from collective.servicedesk.messages.notes import notes
from collective.servicedesk.messages.send import send_message

__all__ = ["add_note", "deliver", "notes", "send_message", "unread_count"]
