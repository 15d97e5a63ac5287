"""Intake from outside: inquiries from the web form, e-mail and SMS."""
