"""Content classes of the knowledge types."""

from collective.servicedesk.knowledge.interfaces import IExperienceDocument
from collective.servicedesk.knowledge.interfaces import IFAQEntry
from collective.servicedesk.knowledge.interfaces import IKnowledgeBase
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from zope.interface import implementer


@implementer(IKnowledgeBase)
class KnowledgeBase(Container):
    """Folderish knowledge base; few, editor-made items, so ordering is fine here."""


@implementer(IFAQEntry)
class FAQEntry(Item):
    """An FAQ entry: the title is the question."""


@implementer(IExperienceDocument)
class ExperienceDocument(Item):
    """A document of the experience database."""
