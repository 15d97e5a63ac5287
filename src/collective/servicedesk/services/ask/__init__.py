"""The @servicedesk-ask service."""
