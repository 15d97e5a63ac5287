"""The @servicedesk-queue service: my queue, follow-ups, unit queue, overdue."""
