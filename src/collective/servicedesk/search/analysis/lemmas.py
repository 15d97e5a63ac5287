"""Lemmas of Bokmål and Nynorsk words from simplemma's lexicons (nb and nn).

simplemma's dictionaries are derived from Norsk Ordbank via the Wiktionary/
UniMorph-style lists it ships; they know full forms, so no suffix rules here.
"""

from functools import lru_cache
from simplemma import is_known
from simplemma import lemmatize
from simplemma.strategies.dictionaries.dictionary_factory import (
    DEFAULT_DICTIONARY_FACTORY,
)
import os

LANGUAGES = ("nb", "nn")
# "simplemma" (default), or "hunspell" / "both" to measure the alternative.
BACKEND = os.environ.get("SERVICEDESK_LEMMATISER", "simplemma")
# simplemma's own shared factory: ``lemmatize`` (the guesses) uses it too, so each
# lexicon is loaded once per process.
_factory = DEFAULT_DICTIONARY_FACTORY


def dictionary(language: str):
    """simplemma's full-form → lemma mapping of one language (loaded once)."""
    return _factory.get_dictionary(language)


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    """Known lemmas of a lower-case word in Bokmål and Nynorsk (may be empty)."""
    found: list[str] = []
    if BACKEND in ("hunspell", "both"):
        from collective.servicedesk.search.analysis.hunspell_stems import stems

        found.extend(stems(word))
        if BACKEND == "hunspell":
            return tuple(found)
    for language in LANGUAGES:
        lemma = dictionary(language).get(word)
        if lemma is None:
            continue
        lemma = lemma.lower()
        if lemma not in found:
            found.append(lemma)
    return tuple(found)


@lru_cache(maxsize=200_000)
def known(word: str) -> bool:
    """The word is a full form of the Bokmål or Nynorsk lexicon."""
    return any(is_known(word, lang=language) for language in LANGUAGES)


@lru_cache(maxsize=200_000)
def guess(word: str) -> str:
    """simplemma's best guess for an unknown word (its affix strategies), nb first."""
    for language in LANGUAGES:
        lemma = lemmatize(word, lang=language, greedy=False).lower()
        if lemma != word:
            return lemma
    return word


@lru_cache(maxsize=1)
def lemma_set() -> frozenset[str]:
    """All lemmas of both lexicons (the dictionary of the compound splitter)."""
    result: set[str] = set()
    for language in LANGUAGES:
        for value in dictionary(language).values():
            if isinstance(value, bytes):
                value = value.decode("utf-8")
            result.add(value.lower())
    return frozenset(result)
