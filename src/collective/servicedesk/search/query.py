"""Build ZCTextIndex queries from what a user typed (never passes raw syntax on).

Each concept of the query becomes a group of alternatives: its lemmas (Bokmål
and Nynorsk), its compound parts together, and its synonyms; the groups are
joined by AND (or OR). Terms go to the index already analysed (``=term``).
"""

from collective.servicedesk.search.analysis.chain import analyse_query
from collective.servicedesk.search.synonyms import Synonyms
from collective.servicedesk.search.text import GLOB_WORD_RE
from collective.servicedesk.search.text import PASSTHROUGH
from collective.servicedesk.search.text import normalize_word

# Words the ZCTextIndex query parser reads as operators: never taken as words.
OPERATORS = {"and", "or", "not"}
MIN_PREFIX = 3
MAX_TEXT = 1000
MAX_ALTERNATIVES = 12


def _atom(term: str) -> str:
    return f"{PASSTHROUGH}{term}"


def concept_groups(text: str, synonyms: Synonyms | None = None) -> list[str]:
    """One query group per concept of the text (phrasal verbs left to ranking)."""
    text = (text or "")[:MAX_TEXT]
    synonyms = synonyms if synonyms is not None else Synonyms()
    globbed = [w for w in GLOB_WORD_RE.findall(text) if w[-1] in "*?"]
    plain = GLOB_WORD_RE.sub(
        lambda m: " " if m.group()[-1] in "*?" else m.group(), text
    )
    groups = []
    for concept in analyse_query(plain):
        if concept.phrasal or not concept.terms or concept.word.lower() in OPERATORS:
            continue
        related = synonyms.related((*concept.terms, *concept.split))
        items = [_atom(t) for t in (*concept.terms, *related)][:MAX_ALTERNATIVES]
        if len(concept.split) == 2:
            items.append(f"({_atom(concept.split[0])} AND {_atom(concept.split[1])})")
        groups.append(items[0] if len(items) == 1 else f"({' OR '.join(items)})")
    for word in globbed:
        stem = normalize_word(word[:-1], stem=False, stop=False)
        if len(stem) >= MIN_PREFIX:
            groups.append(f"{stem}{word[-1]}")
    return groups


def text_query(text: str, operator: str = "AND") -> str:
    """All concepts joined by AND (or OR); stop words and operator words left out."""
    return f" {operator} ".join(concept_groups(text))


def typing_query(text: str) -> str:
    """OR query for a half-typed question: the last word may be incomplete."""
    text = text or ""
    groups = concept_groups(text)
    last = text.split()[-1] if text.split() else ""
    if text[-1:].isalnum() and len(last) >= MIN_PREFIX and last.isalnum():
        groups.append(f"{normalize_word(last, stem=False, stop=False)}*")
    return " OR ".join(groups)
