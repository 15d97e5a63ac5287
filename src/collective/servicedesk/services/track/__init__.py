"""The @servicedesk-track service."""
