"""The @servicedesk-statistics service."""
