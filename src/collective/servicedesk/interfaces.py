"""Marker interfaces of collective.servicedesk, and interfaces shared across layers."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IServiceDeskLayer(IDefaultBrowserLayer):
    """Browser layer: everything user-facing is registered on it."""


# Portal types of the knowledge feature. Defined here, in the base layer,
# because search (below knowledge) indexes and queries them by type name;
# ``knowledge.interfaces`` re-exports them.
FAQ_ENTRY = "FAQEntry"
EXPERIENCE_DOCUMENT = "ExperienceDocument"
KNOWLEDGE_TYPES = (FAQ_ENTRY, EXPERIENCE_DOCUMENT)


class IFAQUsage(Interface):
    """How often each FAQ entry answered an inquiry (a ranking signal).

    Registered as a utility by ``knowledge/`` (which counts the uses) and read
    by ``search/`` (which ranks suggestions), so search never imports knowledge.
    """

    def __call__():
        """A function FAQ UID -> uses, or None while nothing was counted."""


class IKeepsHistory(Interface):
    """Content whose every change is kept in its history (``history/``).

    ``IInquiry`` extends it, so ``history/`` registers its subscribers and
    pages for this interface and never names the content types above it.
    """
