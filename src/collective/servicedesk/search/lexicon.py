"""ZCTextIndex pipeline element for Norwegian text (``servicedesk_lexicon``)."""

from collective.servicedesk.search.text import glob_tokens
from collective.servicedesk.search.text import tokens
from Products.ZCTextIndex.interfaces import ISplitter
from Products.ZCTextIndex.PipelineFactory import element_factory
from zope.interface import implementer

GROUP = "Word Splitter"
NAME = "Servicedesk Norwegian splitter"


@implementer(ISplitter)
class NorwegianSplitter:
    """Split, fold and stem in one step, so indexing and querying cannot drift apart."""

    def process(self, lst: list[str]) -> list[str]:
        """Index time: every word to its normalised stem."""
        return [term for text in lst for term in tokens(text)]

    def processGlob(self, lst: list[str]) -> list[str]:
        """Query parsing: like ``process``, keeping a trailing * or ? (prefix)."""
        return [term for text in lst for term in glob_tokens(text)]

    def process_post_glob(self, lst: list[str]) -> list[str]:
        """Query terms were normalised when parsed; stemming twice would change them."""
        return lst


try:
    element_factory.registerFactory(GROUP, NAME, NorwegianSplitter)
except ValueError:  # pragma: no cover - registered already (module reloaded)
    pass
