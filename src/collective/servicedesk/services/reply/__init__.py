"""The @servicedesk-reply service: reply to the citizen."""
