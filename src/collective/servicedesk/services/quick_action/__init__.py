"""The @servicedesk-action service: quick actions on an inquiry."""
