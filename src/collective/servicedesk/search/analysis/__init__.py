"""The Norwegian analysis chain: one place where words become search terms.

Used by the catalog splitter (knowledge search, inquiry text search, public FAQ)
and by the FAQ suggestions. See ``docs/explanation/norwegian-search.md``.
"""

from collective.servicedesk.search.analysis.chain import Concept
from collective.servicedesk.search.analysis.chain import analyse_query
from collective.servicedesk.search.analysis.chain import index_terms
from collective.servicedesk.search.analysis.chain import word_terms

__all__ = ["Concept", "analyse_query", "index_terms", "word_terms"]
