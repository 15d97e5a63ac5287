"""Quick registration of inquiries, register-and-close and tally mode."""
