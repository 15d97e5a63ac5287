"""Marker interfaces and constants of the knowledge types."""

from plone.supermodel import model

KNOWLEDGE_BASE = "KnowledgeBase"
FAQ_ENTRY = "FAQEntry"
EXPERIENCE_DOCUMENT = "ExperienceDocument"
KNOWLEDGE_TYPES = (FAQ_ENTRY, EXPERIENCE_DOCUMENT)

# Workflow states, used by listings, the review tick and the public FAQ page.
FAQ_PUBLISHED_STATES = ("published_internally", "published_publicly")
FAQ_PUBLIC_STATE = "published_publicly"
EXPERIENCE_ACTIVE_STATES = ("internal", "published")


class IKnowledgeBase(model.Schema):
    """A knowledge base: FAQ entries, experience documents and sub-sections."""


class IFAQEntry(model.Schema):
    """A frequently asked question with its answer."""


class IExperienceDocument(model.Schema):
    """A document of the experience database (guide, routine, case write-up...)."""
