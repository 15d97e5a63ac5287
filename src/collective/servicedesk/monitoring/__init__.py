"""Operational signals: which requests hit write conflicts, and on which objects."""
