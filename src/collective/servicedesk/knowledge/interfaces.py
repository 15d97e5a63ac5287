"""Marker interfaces and constants of the knowledge types."""

from collective.servicedesk.interfaces import EXPERIENCE_DOCUMENT
from collective.servicedesk.interfaces import FAQ_ENTRY
from collective.servicedesk.interfaces import KNOWLEDGE_TYPES
from plone.supermodel import model

__all__ = [
    "EXPERIENCE_ACTIVE_STATES",
    "EXPERIENCE_DOCUMENT",
    "FAQ_ENTRY",
    "FAQ_PUBLIC_STATE",
    "FAQ_PUBLISHED_STATES",
    "KNOWLEDGE_BASE",
    "KNOWLEDGE_TYPES",
    "IExperienceDocument",
    "IFAQEntry",
    "IKnowledgeBase",
]

KNOWLEDGE_BASE = "KnowledgeBase"

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
