"""Inquiry listings and queues: catalog queries that never wake objects."""
