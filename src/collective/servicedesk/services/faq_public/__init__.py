"""The @servicedesk-faq-public service."""
