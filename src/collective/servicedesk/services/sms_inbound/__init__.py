"""The @servicedesk-sms-inbound service."""
