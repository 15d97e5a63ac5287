"""content: the Service Desk and Inquiry types."""

# Imported for its module security declarations (workflow guard expressions).
from collective.servicedesk.content import guards  # noqa: F401
