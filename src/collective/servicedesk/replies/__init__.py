"""Replies to the citizen: e-mail, letter (PDF) and SMS, with reply templates."""
