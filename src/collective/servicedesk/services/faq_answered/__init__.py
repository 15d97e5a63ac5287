"""The @servicedesk-faq-answered service."""
