"""Dictionary-based compound splitting over the simplemma lexicons.

A word is split where its end is a known word and its beginning is a known word,
optionally followed by a linking "s" or "e" (parkering·s·bot, barn·e·hage); the
beginning is split again. No suffix lists: both parts must be in the lexicon.
"""

from collective.servicedesk.search.analysis.lemmas import lemma_set
from collective.servicedesk.search.analysis.lemmas import lemmas
from collective.servicedesk.search.analysis.stopwords import PARTICLES
from collective.servicedesk.search.analysis.stopwords import STOP_WORDS
from functools import lru_cache

MIN_PART = 3
LINKS = ("s", "e")
SHORT_LEMMA = 5
# Function words are never parts: "for·fall", "opp·sigelse" are no compounds of them.
NOT_PARTS = STOP_WORDS | PARTICLES | {"for", "fra", "til", "over", "under", "mellom"}


def _is_lemma(part: str) -> bool:
    return len(part) >= MIN_PART and part not in NOT_PARTS and part in lemma_set()


def _tails(part: str) -> tuple[str, ...]:
    """Readings of the end of a compound: a lemma, or the lemmas of an inflected
    form ("…heiser": heis and heise)."""
    if len(part) < MIN_PART:
        return ()
    found = [part] if _is_lemma(part) else []
    found.extend(lemma for lemma in lemmas(part) if _is_lemma(lemma))
    return tuple(dict.fromkeys(found))


def _heads(head: str) -> list[tuple[tuple[str, ...], bool]]:
    """Ways to read the beginning: (parts, used a linking letter)."""
    found = []
    if _is_lemma(head):
        found.append(((head, *split(head)), False))
    if head[-1:] in LINKS and _is_lemma(head[:-1]):
        found.append(((head[:-1], *split(head[:-1])), True))
    if not found:
        inner = split(head)
        if inner:
            found.append((inner, False))
    return found


@lru_cache(maxsize=100_000)
def best_cut(word: str) -> tuple[int, tuple[str, ...], tuple[str, ...]] | None:
    """(cut, parts of the beginning, readings of the end) of a compound, or None.

    Of all ways to cut the word, the one with the longest shortest part wins,
    then one without a linking letter: "skule·skyss", not "skules·kyss";
    "trygghets·alarm", not "trygghetsal·arm".
    """
    if len(word) < 2 * MIN_PART or not word.isalpha():
        return None
    if len(word) <= SHORT_LEMMA and word in lemma_set():
        # Short dictionary words are rarely compounds: "kyrkje" is no "kyr·kje".
        return None
    best = None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        tails = tuple(t for t in _tails(word[cut:]) if t != word)
        if not tails:
            continue
        for head_parts, linked in _heads(word[:cut]):
            shortest = min(cut - linked, len(word) - cut)
            key = (shortest, not linked)
            if best is None or key > best[0]:
                best = (key, (cut, head_parts, tails))
    return best[1] if best else None


@lru_cache(maxsize=100_000)
def split(word: str) -> tuple[str, ...]:
    """Parts of a compound (lemmas, with the parts of its parts); () if none."""
    found = best_cut(word)
    if found is None:
        return ()
    _cut, head_parts, tails = found
    parts = [*head_parts, *tails]
    for tail in tails:
        if len(tail) < len(word):  # a reading may be longer: never recurse on it
            parts.extend(split(tail))
    return tuple(dict.fromkeys(p for p in parts if p != word))


@lru_cache(maxsize=100_000)
def compound_lemmas(word: str) -> tuple[str, ...]:
    """Lemmas of a compound the lexicon lacks, from its last part: the lexicon
    knows "heiser" is a form of "heis", so "trappeheiser" is "trappeheis"."""
    found = best_cut(word)
    if found is None:
        return ()
    cut, _head_parts, tails = found
    return tuple(word[:cut] + tail for tail in tails)


@lru_cache(maxsize=100_000)
def top_split(word: str) -> tuple[str, ...]:
    """The first-level split only (beginning, end); () if no compound."""
    found = best_cut(word)
    if found is None:
        return ()
    _cut, head_parts, tails = found
    return (head_parts[0], tails[0])
