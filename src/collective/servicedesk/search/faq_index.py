"""An in-memory index of the FAQ entries for suggestions, per process.

Built from catalog metadata (``servicedesk_faq_fields``, no object is loaded) and
rebuilt when the FAQ stamp changes: a conflict-free counter that every added,
edited, moved, removed or transitioned FAQ entry bumps. Entries are analysed
once per version, so a rebuild after one edit costs a few milliseconds.
"""

from bisect import bisect_left
from BTrees.Length import Length
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.interfaces import FAQ_ENTRY
from collective.servicedesk.search.analysis.chain import weighted_terms
from collective.servicedesk.search.analysis.chain import word_terms
from collective.servicedesk.search.analysis.normalise import fold
from collective.servicedesk.search.analysis.normalise import lower
from collective.servicedesk.search.analysis.normalise import words
from dataclasses import dataclass
from plone import api
import math
import threading

STAMP_KEY = "collective.servicedesk.search.faq_stamp"
# Staff still get entries waiting for review; the catalog hides them from the public.
SUGGESTED_STATES = ("published_internally", "published_publicly", "needs_review")
FIELDS = ("question", "keywords", "phrasings", "answer")
# Question > editor keywords and alternative phrasings > answer.
FIELD_WEIGHTS = {"question": 1.0, "keywords": 0.8, "phrasings": 0.8, "answer": 0.45}
PART_WEIGHT = 0.7
MAX_ANSWER = 4000

_lock = threading.Lock()
_indexes: dict[str, "FAQIndex"] = {}
_entries: dict[tuple, "Entry"] = {}


@dataclass
class Entry:
    """One FAQ entry, analysed: field → {term: weight}."""

    uid: str
    fields: dict[str, dict[str, float]]
    question_terms: frozenset[str]
    categories: tuple[str, ...]
    surfaces: dict[str, tuple[str, ...]]
    best: dict[str, float]


def _field_terms(text: str) -> dict[str, float]:
    return weighted_terms(text, PART_WEIGHT)


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return " . ".join(str(v) for v in value if v)
    return str(value or "")


def analyse_entry(uid: str, data: dict, categories) -> Entry:
    """Analyse the searchable fields of one entry."""
    texts = {name: _text(data.get(name))[:MAX_ANSWER] for name in FIELDS}
    fields = {name: _field_terms(text) for name, text in texts.items()}
    question = frozenset(t for t, w in fields["question"].items() if w == 1.0)
    # The words as written, for spelling mistakes: "bibloteket" is one letter
    # from "biblioteket", three from the lemma "bibliotek".
    surfaces = {
        fold(lower(word)): word_terms(word)[0]
        for text in texts.values()
        for word in words(text)
        if len(word) >= 4
    }
    # Per term the best field it is in, weighted: one lookup when ranking.
    best: dict[str, float] = {}
    for name, terms in fields.items():
        for term, stored in terms.items():
            value = FIELD_WEIGHTS[name] * stored
            if value > best.get(term, 0.0):
                best[term] = value
    return Entry(uid, fields, question, tuple(categories or ()), surfaces, best)


def _fields_of(brain) -> dict:
    data = getattr(brain, "servicedesk_faq_fields", None)
    if isinstance(data, dict):
        return data
    # Not reindexed since the column was added: what the other columns hold.
    excerpt = getattr(brain, "servicedesk_excerpt", None)
    return {
        "question": brain.Title or "",
        "keywords": list(brain.Subject or ()),
        "answer": excerpt if isinstance(excerpt, str) else "",
    }


class FAQIndex:
    """Postings, document frequencies and the vocabulary of the FAQ entries."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_uid = {e.uid: e for e in entries}
        self.postings: dict[str, list[int]] = {}
        for position, entry in enumerate(entries):
            seen: set[str] = set()
            for terms in entry.fields.values():
                seen.update(terms)
            for term in seen:
                self.postings.setdefault(term, []).append(position)
        self.size = len(entries)
        self.vocabulary = sorted(self.postings)
        self.surfaces: dict[str, set[str]] = {}
        for entry in entries:
            for surface, terms in entry.surfaces.items():
                self.surfaces.setdefault(surface, set()).update(terms)
        for term in self.vocabulary:
            if "_" not in term:
                self.surfaces.setdefault(term, set()).add(term)
        self._deletes: dict[str, set[str]] | None = None

    def idf(self, term: str) -> float:
        """Inverse document frequency (0 for a term no entry has)."""
        df = len(self.postings.get(term, ()))
        if not df:
            return 0.0
        return math.log((self.size + 1) / (df + 0.5)) + 0.1

    def group_idf(self, terms) -> float:
        """Inverse document frequency of the entries having any of ``terms``."""
        found: set[int] = set()
        for term in terms:
            found.update(self.postings.get(term, ()))
        if not found:
            return 0.0
        return math.log((self.size + 1) / (len(found) + 0.5)) + 0.1

    def with_prefix(self, prefix: str, limit: int = 60) -> list[str]:
        """Vocabulary terms that start with ``prefix``."""
        start = bisect_left(self.vocabulary, prefix)
        found = []
        for term in self.vocabulary[start : start + limit]:
            if not term.startswith(prefix):
                break
            found.append(term)
        return found

    def close(self, word: str) -> list[str]:
        """Terms of the words one edit (or a transposition) away from ``word``."""
        if len(word) < 4:
            return []
        if self._deletes is None:
            deletes: dict[str, set[str]] = {}
            for surface in self.surfaces:
                if len(surface) >= 4:
                    for variant in _deletions(surface):
                        deletes.setdefault(variant, set()).add(surface)
            self._deletes = deletes
        near: set[str] = set(self._deletes.get(word, ()))
        for variant in _deletions(word):
            if variant in self.surfaces:
                near.add(variant)
            near.update(self._deletes.get(variant, ()))
        near.discard(word)
        terms = {t for surface in near for t in self.surfaces[surface]}
        return sorted(t for t in terms if t in self.postings)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _stamp_counter(create: bool = False) -> Length | None:
    return portal_storage(STAMP_KEY, Length, create=create)


def bump(obj=None, event=None) -> None:
    """An FAQ entry changed: the next suggestion rebuilds the index."""
    try:
        counter = _stamp_counter(create=True)
    except api.exc.CannotGetPortalError:  # pragma: no cover - outside a site
        return
    counter.change(1)


def _stamp(counter, portal) -> tuple:
    if counter is None:
        # No FAQ event yet in this site: the catalog's own counter stands in.
        return ("catalog", api.portal.get_tool("portal_catalog").getCounter())
    if counter._p_oid is not None and counter._p_serial != b"\0" * 8:
        # Committed: the same for every thread and every instance.
        return (counter(), counter._p_oid, counter._p_serial)
    # Not yet committed (tests, or the request that changed it): this very object.
    return (counter(), id(counter), counter)


def faq_index() -> FAQIndex:
    """The FAQ index of this site, rebuilt if any entry changed since."""
    portal = api.portal.get()
    counter = _stamp_counter()
    key = "/".join(portal.getPhysicalPath())
    stamp = _stamp(counter, portal)
    with _lock:
        current = _indexes.get(key)
        if current is not None and current.stamp == stamp:
            return current
    catalog = api.portal.get_tool("portal_catalog")
    entries = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type=FAQ_ENTRY, review_state=SUGGESTED_STATES
    ):
        version = (key, brain.UID, str(brain.modified), brain.review_state)
        entry = _entries.get(version)
        if entry is None:
            entry = analyse_entry(
                brain.UID, _fields_of(brain), brain.servicedesk_categories
            )
            _entries[version] = entry
        entries.append(entry)
    index = FAQIndex(entries)
    index.stamp = stamp
    with _lock:
        _indexes[key] = index
        if len(_entries) > 4 * max(len(entries), 1000):
            _entries.clear()
    return index
