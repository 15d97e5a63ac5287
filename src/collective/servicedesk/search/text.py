"""Text handling shared by indexing, querying and highlighting.

A thin layer over the Norwegian analysis chain (``search.analysis``): one chain
for both sides of the search, so a word is always reduced the same way.
"""

from collective.servicedesk.search.analysis.chain import index_terms
from collective.servicedesk.search.analysis.chain import word_terms
from collective.servicedesk.search.analysis.normalise import WORD_RE
from collective.servicedesk.search.analysis.normalise import fold
from collective.servicedesk.search.analysis.normalise import lower
from collective.servicedesk.search.analysis.normalise import words
from collective.servicedesk.search.analysis.stopwords import PARTICLES
from collective.servicedesk.search.analysis.stopwords import STOP_WORDS
import re

__all__ = [
    "GLOB_WORD_RE",
    "PASSTHROUGH",
    "STOP_WORDS",
    "WORD_RE",
    "fold",
    "glob_tokens",
    "normalize_word",
    "tokens",
    "words",
]

# A query word that may end in the glob characters of ZCTextIndex.
GLOB_WORD_RE = re.compile(r"[^\W_]+[*?]?", re.UNICODE)
# Query atoms the chain analysed already (see ``search.query``) start with this.
PASSTHROUGH = "="


def normalize_word(word: str, stem: bool = True, stop: bool = True) -> str:
    """The main index term of one word ("" for a stop word); folded only if not stem."""
    low = lower(word)
    if stop and (low in STOP_WORDS or low in PARTICLES):
        return ""
    if not stem:
        return fold(low)
    terms = word_terms(word)[0]
    return terms[0] if terms else ""


def tokens(text: str) -> list[str]:
    """Index terms of a text (lemmas, Bokmål forms, compound parts, phrasal verbs)."""
    return index_terms(text)


def glob_tokens(text: str) -> list[str]:
    """Query terms of one query atom: analysed terms pass, * or ? words are folded."""
    text = text or ""
    if text.startswith(PASSTHROUGH):
        term = text[len(PASSTHROUGH) :]
        return [term] if term else []
    result = []
    for word in GLOB_WORD_RE.findall(text):
        if word[-1] in "*?":
            term = normalize_word(word[:-1], stem=False, stop=False)
            if term:
                result.append(term + word[-1])
            continue
        term = normalize_word(word)
        if term:
            result.append(term)
    return result
