"""The @servicedesk-answer service: reply to the citizen and answer the inquiry."""
