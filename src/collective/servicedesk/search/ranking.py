"""Rank FAQ entries for a query: field weights, concept coverage, mild priors.

For each concept of the query (a word, a phrasal verb) an entry gets the best
of its ways to match: in which field (question > keywords and alternative
phrasings > answer) and how (the word itself > a compound part, a fuzzy match,
a synonym). Concepts weigh by rarity (idf), and an entry that matches all of
them gets a bonus, so it outranks one that matches a single frequent word.
"""

from collective.servicedesk.search.analysis.bilingual import bokmal
from collective.servicedesk.search.analysis.chain import Concept
from collective.servicedesk.search.analysis.lemmas import lemmas
from collective.servicedesk.search.analysis.normalise import fold
from collective.servicedesk.search.analysis.normalise import lower
from collective.servicedesk.search.faq_index import FIELD_WEIGHTS  # noqa: F401
from collective.servicedesk.search.faq_index import FAQIndex
from collective.servicedesk.search.synonyms import Synonyms
from dataclasses import dataclass
from itertools import groupby
import math

EXACT, PART, PREFIX, FUZZY, RELATED = 1.0, 0.4, 0.8, 0.7, 0.6
# Both parts of a compound found (strøm·brudd in "straumbrot") nearly equal the word.
SPLIT = 0.9
ALL_CONCEPTS_BONUS = 0.35
# The bonus grows with the share of the query's weight an entry covers: missing
# a frequent word ("kommunen") costs little, missing the rare one costs most.
COVERAGE_POWER = 2
# A word the lexicon knows is less likely a typo: its one-letter neighbours
# ("feie" → "leie") count half.
FUZZY_KNOWN = FUZZY / 2
QUESTION_COVERAGE = 0.15
USAGE_PRIOR = 0.04


@dataclass
class Prepared:
    """One concept, ready to score: its alternatives and its weight."""

    alternatives: dict[str, tuple[float, float]]
    split: tuple[dict[str, float], dict[str, float]] | None
    weight: float


def alternatives(concept: Concept, index: FAQIndex, synonyms: Synonyms) -> dict:
    """term → weight of every single term an entry may match the concept with."""
    found: dict[str, float] = {}

    def add(terms, weight):
        for term in terms:
            if term in index.postings and found.get(term, 0) < weight:
                found[term] = weight

    add(concept.terms, EXACT)
    add(concept.parts, PART)
    if concept.prefix:
        prefixed = index.with_prefix(concept.prefix, limit=30)
        add((t for t in prefixed if "_" not in t), PREFIX)
    if not concept.phrasal and not any(t in index.postings for t in concept.terms):
        fuzzy = FUZZY_KNOWN if lemmas(lower(concept.word)) else FUZZY
        add(index.close(fold(lower(concept.word))), fuzzy)
        for term in concept.terms:
            add(index.close(term), fuzzy)
    add(synonyms.related(concept.terms), RELATED)
    return found


def _split(concept: Concept, index: FAQIndex, synonyms: Synonyms):
    if len(concept.split) != 2:
        return None
    sides = []
    for part in concept.split:
        side = {t: EXACT for t in (part, *bokmal(part)) if t in index.postings}
        for term in synonyms.related((part,)):
            if term in index.postings:
                side.setdefault(term, RELATED)
        if not side:
            return None
        sides.append(side)
    return (sides[0], sides[1])


def prepare(concept: Concept, index: FAQIndex, synonyms: Synonyms) -> Prepared | None:
    """The concept's alternatives in this index (None if nothing can match it)."""
    alts = alternatives(concept, index, synonyms)
    split = _split(concept, index, synonyms)
    if not alts and split is None:
        return None
    # The forms of one word share one rarity: Nynorsk "søkje" is as common a
    # need as Bokmål "søke", though fewer entries are written in Nynorsk.
    own = [t for t in concept.terms if t in alts]
    rarity = index.group_idf(own) if own else 0.0
    idf = {t: rarity if t in own else index.idf(t) for t in alts}
    # The concept weighs what the word itself weighs; guesses (prefix, fuzzy,
    # synonyms) only when the word is not in any entry.
    weight = rarity or max((idf[t] * w for t, w in alts.items()), default=0.0)
    if split is not None:
        sides = [max(index.idf(t) * w for t, w in side.items()) for side in split]
        weight = max(weight, SPLIT * sum(sides) / 2)
    return Prepared({t: (w, idf[t]) for t, w in alts.items()}, split, weight)


def _best(entry, alts: dict, index: FAQIndex) -> float:
    best = 0.0
    weights = entry.best
    for term, how in alts.items():
        field = weights.get(term)
        if field:
            how, idf = how if isinstance(how, tuple) else (how, index.idf(term))
            value = field * how * idf
            if value > best:
                best = value
    return best


def rank(concepts: list[Concept], index: FAQIndex, usage=None) -> list[tuple]:
    """(score, uid) of every entry matching at least one concept, best first."""
    synonyms = Synonyms()
    prepared = [p for p in (prepare(c, index, synonyms) for c in concepts) if p]
    if not prepared:
        return []
    total = sum(p.weight for p in prepared) or 1.0
    candidates: set[int] = set()
    wanted: set[str] = set()
    for item in prepared:
        terms = list(item.alternatives)
        if item.split:
            terms.extend(item.split[0])
            terms.extend(item.split[1])
        wanted.update(terms)
        for term in terms:
            candidates.update(index.postings[term])
    results = []
    for position in candidates:
        entry = index.entries[position]
        relevance = 0.0
        matched = 0
        covered_weight = 0.0
        for item in prepared:
            best = _best(entry, item.alternatives, index)
            if item.split:
                head = _best(entry, item.split[0], index)
                tail = _best(entry, item.split[1], index)
                if head and tail:
                    best = max(best, SPLIT * (head + tail) / 2)
            if best:
                matched += 1
                covered_weight += item.weight
                relevance += min(best, item.weight)
        score = relevance / total
        if len(prepared) > 1 and matched:
            score += ALL_CONCEPTS_BONUS * (covered_weight / total) ** COVERAGE_POWER
        if entry.question_terms:
            covered = len(entry.question_terms & wanted) / len(entry.question_terms)
            score += QUESTION_COVERAGE * covered
        if usage:
            score += USAGE_PRIOR * math.log1p(usage(entry.uid)) / math.log(100)
        results.append((round(score, 9), entry))
    results.sort(key=lambda row: -row[0])
    ordered = []
    for _score, group in groupby(results, key=lambda row: row[0]):
        group = list(group)
        if len(group) > 1:
            group.sort(key=_tie)
        ordered.extend((score, entry.uid) for score, entry in group)
    return ordered


def _tie(row) -> tuple:
    """Equal scores: the entry whose question says least besides the match is
    the tighter fit; then its words, so the order never depends on random UIDs."""
    terms = row[1].question_terms
    return (len(terms), tuple(sorted(terms)), row[1].uid)
