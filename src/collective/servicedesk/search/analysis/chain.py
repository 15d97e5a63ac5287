"""Words → index terms, and a query → concepts (the two sides of one chain).

For every word: case folding, the Bokmål and Nynorsk lemmas (simplemma's
lexicons), the Bokmål lemma of a Nynorsk one (Apertium nno-nob), the parts of a
compound (dictionary-based), then ASCII folding. The index stores the whole
word's terms and its parts; a query keeps both as alternatives, so "lekkasje"
finds "vannlekkasje" and "vannlekkasje" finds "lekkasje i vannrøret".
"""

from collective.servicedesk.search.analysis.bilingual import bokmal
from collective.servicedesk.search.analysis.compounds import compound_lemmas
from collective.servicedesk.search.analysis.compounds import split
from collective.servicedesk.search.analysis.compounds import top_split
from collective.servicedesk.search.analysis.lemmas import guess
from collective.servicedesk.search.analysis.lemmas import lemma_set
from collective.servicedesk.search.analysis.lemmas import lemmas
from collective.servicedesk.search.analysis.normalise import fold
from collective.servicedesk.search.analysis.normalise import lower
from collective.servicedesk.search.analysis.normalise import words
from collective.servicedesk.search.analysis.stopwords import PARTICLE_REACH
from collective.servicedesk.search.analysis.stopwords import PARTICLES
from collective.servicedesk.search.analysis.stopwords import STOP_WORDS
from dataclasses import dataclass
from dataclasses import field
from functools import lru_cache

PHRASAL_JOINER = "_"


def _with_bokmal(forms) -> list[str]:
    result: list[str] = []
    for form in forms:
        for item in (form, *bokmal(form)):
            if item not in result:
                result.append(item)
    return result


TRANSLITERATIONS = (("oe", "ø"), ("aa", "å"), ("ae", "æ"))


def _restored(word: str) -> list[str]:
    """The word with ASCII spellings of æ, ø and å read back, one kind at a time."""
    variants = []
    for ascii_form, letter in TRANSLITERATIONS:
        if ascii_form in word:
            variants.append(word.replace(ascii_form, letter))
    return variants


@lru_cache(maxsize=100_000)
def word_terms(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(terms, parts) of one word, folded: its lemmas and its compound parts."""
    word = lower(word)
    if not word or word.isdigit():
        return ((word,), ()) if word else ((), ())
    found = lemmas(word)
    if word in lemma_set() and word not in found:
        # "si" is the verb as well as a form of "sin": keep the word itself.
        found = (word, *found)
    if not found:
        # Typed without æ, ø, å ("byggesoeknader", "vannmaaler"): the lexicon
        # knows the word once the letters are back.
        found = next(filter(None, (lemmas(v) for v in _restored(word))), ())
    if not found:
        # Unknown to both lexicons (names, abbreviations, typos, new compounds):
        # the word as written, a compound's lemma from its last part, and
        # simplemma's guess, so both sides agree either way.
        found = tuple(dict.fromkeys((word, *compound_lemmas(word), guess(word))))
    terms = _with_bokmal(found)
    parts: list[str] = []
    # Only the word's own lemmas are split: a Bokmål equivalent of a rare sense
    # ("melde" → "kornavfall") must not bring parts ("avfall") of its own.
    for term in found:
        for part in _with_bokmal(split(term)):
            if part not in terms and part not in parts:
                parts.append(part)
    folded = tuple(dict.fromkeys(fold(t) for t in terms))
    folded_parts = tuple(dict.fromkeys(fold(p) for p in parts if fold(p) not in folded))
    return folded, folded_parts


@lru_cache(maxsize=100_000)
def word_split(word: str) -> tuple[str, ...]:
    """The first-level compound split of a word's first lemma, folded."""
    terms = _with_bokmal(lemmas(lower(word)) or (lower(word),))
    for term in terms:
        pair = top_split(term)
        if pair:
            return tuple(fold(p) for p in pair)
    return ()


def _is_stop(word: str) -> bool:
    return word in STOP_WORDS or word in PARTICLES


def phrasal_terms(previous: list[str], particle: str) -> list[str]:
    """Phrasal-verb terms: each lemma of the words before a particle, joined to it."""
    result: list[str] = []
    for word in previous:
        for term in word_terms(word)[0]:
            joined = f"{term}{PHRASAL_JOINER}{fold(particle)}"
            if joined not in result:
                result.append(joined)
    return result


def _walk(text: str):
    """Yield ("word", word) for content words and ("phrasal", terms) for particles."""
    seen: list[tuple[int, str]] = []
    for position, word in enumerate(words(text)):
        low = lower(word)
        if low in PARTICLES:
            before = [w for p, w in seen if position - p <= PARTICLE_REACH][-2:]
            if before:
                yield "phrasal", phrasal_terms(before, low)
            continue
        if low in STOP_WORDS:
            continue
        seen.append((position, low))
        yield "word", word


def index_terms(text: str) -> list[str]:
    """All index terms of a text (whole words, compound parts, phrasal verbs)."""
    result: list[str] = []
    for kind, value in _walk(text):
        if kind == "phrasal":
            result.extend(value)
            continue
        terms, parts = word_terms(value)
        result.extend(terms)
        result.extend(parts)
    return result


def weighted_terms(text: str, part_weight: float) -> dict[str, float]:
    """Index terms of a text with weights: 1 for words and phrasal verbs,
    ``part_weight`` for compound parts (stop words left out)."""
    result: dict[str, float] = {}
    for kind, value in _walk(text):
        if kind == "phrasal":
            for term in value:
                result[term] = 1.0
            continue
        terms, parts = word_terms(value)
        for term in terms:
            result[term] = 1.0
        for part in parts:
            result.setdefault(part, part_weight)
    return result


@dataclass
class Concept:
    """One thing the user asked for, with every way an entry may say it."""

    word: str
    terms: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    split: tuple[str, ...] = ()
    phrasal: bool = False
    prefix: str | None = None
    related: tuple[str, ...] = field(default=())

    def alternatives(self) -> tuple[str, ...]:
        """Terms that count as this concept (exact terms first)."""
        return tuple(dict.fromkeys((*self.terms, *self.related)))


def analyse_query(text: str, typing: bool = False) -> list[Concept]:
    """The concepts of a query; ``typing``: the last word may be unfinished."""
    text = text or ""
    unfinished = typing and text[-1:].isalnum()
    concepts: list[Concept] = []
    all_words = words(text)
    for kind, value in _walk(text):
        if kind == "phrasal":
            concepts.append(Concept(word=value[0], terms=tuple(value), phrasal=True))
            continue
        terms, parts = word_terms(value)
        concepts.append(
            Concept(word=value, terms=terms, parts=parts, split=word_split(value))
        )
    if unfinished and all_words:
        last = all_words[-1]
        folded = fold(lower(last))
        if len(folded) >= 3:
            match = next(
                (c for c in reversed(concepts) if not c.phrasal and c.word == last),
                None,
            )
            if match is None and not _is_stop(lower(last)):
                match = Concept(word=last)
                concepts.append(match)
            if match is not None:
                match.prefix = folded
    return concepts
