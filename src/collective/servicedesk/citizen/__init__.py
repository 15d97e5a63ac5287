"""The citizen channel: public web form, receipt, follow-up codes, tracking."""
