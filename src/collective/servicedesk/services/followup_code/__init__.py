"""The @servicedesk-followup-code service."""
