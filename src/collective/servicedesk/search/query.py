"""Build ZCTextIndex queries from what a user typed (never passes raw syntax on)."""

from collective.servicedesk.search.text import normalize_word
from collective.servicedesk.search.text import words

# Words the ZCTextIndex query parser reads as operators.
OPERATORS = {"and", "or", "not"}
MIN_PREFIX = 3


def _usable(word: str) -> bool:
    return word.lower() not in OPERATORS and bool(normalize_word(word))


def text_query(text: str, operator: str = "AND") -> str:
    """All words joined by AND (or OR); stop words and operator words left out."""
    terms = [w for w in words(text) if _usable(w)]
    return f" {operator} ".join(terms)


def typing_query(text: str) -> str:
    """OR query for a half-typed question: the last word may be incomplete."""
    all_words = words(text)
    if not all_words:
        return ""
    complete = (text or "")[-1:].isspace() or (text or "")[-1:] in "?.!,"
    *head, last = all_words
    terms = [w for w in head if _usable(w)]
    if complete:
        if _usable(last):
            terms.append(last)
    elif len(last) >= MIN_PREFIX and last.lower() not in OPERATORS:
        # The stem of what is typed so far, or any word starting with it.
        folded = normalize_word(last, stem=False, stop=False)
        if folded:
            terms.append(f"({last} OR {last}*)" if _usable(last) else f"{last}*")
    return " OR ".join(terms)
