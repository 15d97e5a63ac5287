"""The @servicedesk-people service: find people and units by name."""
