"""The @servicedesk-timeline service: the inquiry's timeline."""
