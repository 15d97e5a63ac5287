"""The @servicedesk-openapi service."""
