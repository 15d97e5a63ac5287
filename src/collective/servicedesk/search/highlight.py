"""Highlight matched words: escape first, then wrap matches in <mark> (pure Python)."""

from collective.servicedesk.search.analysis.chain import analyse_query
from collective.servicedesk.search.analysis.chain import word_terms
from collective.servicedesk.search.text import GLOB_WORD_RE
from collective.servicedesk.search.text import WORD_RE
from collective.servicedesk.search.text import normalize_word
from html import escape


class Matcher:
    """Decides whether a word matches a query (the same chain as the index)."""

    def __init__(self, query: str, typing: bool = False):
        query = query or ""
        globbed = [w for w in GLOB_WORD_RE.findall(query) if w[-1] in "*?"]
        plain = GLOB_WORD_RE.sub(
            lambda m: " " if m.group()[-1] in "*?" else m.group(), query
        )
        self.exact: set[str] = set()
        prefixes = [normalize_word(w[:-1], stem=False, stop=False) for w in globbed]
        for concept in analyse_query(plain, typing=typing):
            if concept.phrasal:
                continue
            self.exact.update(concept.terms)
            if concept.prefix:
                prefixes.append(concept.prefix)
        self.prefixes = tuple(p for p in prefixes if len(p) > 2)

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes)

    def matches(self, word: str) -> bool:
        """True if the word is one of the query's terms (or starts with a prefix)."""
        terms, parts = word_terms(word)
        if self.exact.intersection(terms) or self.exact.intersection(parts):
            return True
        return bool(self.prefixes) and normalize_word(
            word, stem=False, stop=False
        ).startswith(self.prefixes)


def highlight(text: str, matcher: Matcher) -> str:
    """Escaped HTML of text with each matching word wrapped in <mark>."""
    text = text or ""
    if not matcher:
        return escape(text)
    out: list[str] = []
    position = 0
    for match in WORD_RE.finditer(text):
        if matcher.matches(match.group()):
            out.append(escape(text[position : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def snippet(text: str, matcher: Matcher, width: int = 240) -> str:
    """Highlighted window of about ``width`` characters around the first match."""
    text = " ".join((text or "").split())
    start = 0
    if matcher:
        for match in WORD_RE.finditer(text):
            if matcher.matches(match.group()):
                start = max(0, match.start() - width // 3)
                break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    window = text[start : start + width]
    if start + width < len(text):
        window = window.rsplit(" ", 1)[0]
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(text) else ""
    return escape(prefix) + highlight(window, matcher) + escape(suffix)
