"""The @servicedesk-tally service: one-click counting."""
