"""Indexers of the search indexes shared by knowledge items and inquiries."""

from collective.servicedesk.interfaces import KNOWLEDGE_TYPES
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer
from plone.indexer.interfaces import IIndexer
from Products.CMFCore.utils import getToolByName
from zope.component import queryMultiAdapter

INQUIRY = "Inquiry"
SEARCHED_TYPES = (*KNOWLEDGE_TYPES, INQUIRY)


def _searchable_text(obj) -> str:
    catalog = getToolByName(obj, "portal_catalog")
    adapter = queryMultiAdapter((obj, catalog), IIndexer, name="SearchableText")
    if adapter is not None:
        return adapter()
    method = getattr(obj, "SearchableText", None)
    if callable(method):
        return method()
    return f"{obj.Title()} {obj.Description()}"


@indexer(IDexterityContent)
def servicedesk_text(obj) -> str:
    """The searchable text of knowledge items and inquiries, for the Norwegian index."""
    if obj.portal_type not in SEARCHED_TYPES:
        raise AttributeError("servicedesk_text")
    if obj.portal_type == INQUIRY:
        # The inquiry's whole text lives in this index only (issue 19).
        from collective.servicedesk.indexers.inquiry import full_text

        return full_text(obj)
    return _searchable_text(obj)


@indexer(IDexterityContent)
def servicedesk_categories(obj) -> list[str]:
    """Category ids: the list of a knowledge item, the single one of an inquiry."""
    if obj.portal_type in KNOWLEDGE_TYPES:
        return list(getattr(obj, "categories", None) or [])
    if obj.portal_type == INQUIRY:
        category = getattr(obj, "category", None)
        return [category] if category else []
    raise AttributeError("servicedesk_categories")


@indexer(IDexterityContent)
def servicedesk_audience(obj) -> str:
    """Audience of a knowledge item ("internal" or "public")."""
    if obj.portal_type not in KNOWLEDGE_TYPES:
        raise AttributeError("servicedesk_audience")
    return getattr(obj, "audience", None) or "internal"
