"""The @servicedesk-register service: quick registration."""
