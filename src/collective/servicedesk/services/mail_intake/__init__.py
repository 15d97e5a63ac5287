"""The @servicedesk-mail-intake service."""
