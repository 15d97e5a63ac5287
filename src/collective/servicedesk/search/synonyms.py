"""Synonyms applied at query time: LOS label rings and the editors' own list.

Nothing here touches the index: a query word gains the terms of the other words
in its rings, so an edited list takes effect with the next query.
"""

from BTrees.Length import Length
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.search.analysis.chain import PHRASAL_JOINER
from collective.servicedesk.search.analysis.chain import index_terms
from collective.servicedesk.search.analysis.chain import word_terms
from collective.servicedesk.search.analysis.chain import words
from collective.servicedesk.search.synonyms_los import select_rings
from collective.servicedesk.settings import settings
from functools import lru_cache
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.interface.interfaces import ComponentLookupError
import re

LOS_KEY = "collective.servicedesk.search.los_rings"
VERSION_KEY = "collective.servicedesk.search.los_rings_version"
SEPARATOR_RE = re.compile(r"\s*[=,;]\s*")
MAX_LINES = 2000

_los_cache: dict = {}


def member_terms(label: str) -> tuple[str, ...]:
    """The terms a ring member stands for: a word's terms, or a phrasal verb's."""
    terms = index_terms(label)
    phrasal = [t for t in terms if PHRASAL_JOINER in t]
    if phrasal:
        return (phrasal[0],)
    content = [w for w in words(label) if index_terms(w)]
    if len(content) != 1:
        return ()  # several words ("vann og avløp") are no single term
    # The word's own lemmas, not its compound parts: "gatelys" is no synonym of "gate".
    return word_terms(content[0])[0]


def build_map(rings) -> dict[str, frozenset[str]]:
    """term → the terms of every other member of the rings it is in."""
    result: dict[str, set[str]] = {}
    for ring in rings:
        members = [member_terms(label) for label in ring]
        members = [m for m in members if m]
        # Each member's own lemma: the other readings of an ambiguous word
        # ("boss" is also a form of "bo") would bring unrelated entries.
        everything = {m[0] for m in members}
        for member in members:
            # The first term is the member's own lemma: it is what a query word meets.
            others = everything - set(member)
            if others:
                result.setdefault(member[0], set()).update(others)
    return {key: frozenset(value) for key, value in result.items()}


def parse_lines(lines) -> list[list[str]]:
    """Editor lines "brøyting = snørydding = snømåking" (also , or ;) to rings."""
    rings = []
    for line in list(lines or ())[:MAX_LINES]:
        members = [m for m in SEPARATOR_RE.split((line or "").strip()) if m]
        if len(members) > 1:
            rings.append(members)
    return rings


@lru_cache(maxsize=8)
def _editor_map(lines: tuple[str, ...]) -> dict[str, frozenset[str]]:
    return build_map(parse_lines(lines))


def editor_lines() -> tuple[str, ...]:
    """The editors' synonym list from the registry (empty if not installed)."""
    return tuple(settings().search.synonyms or ())


def _los_map() -> dict[str, frozenset[str]]:
    stored = portal_storage(LOS_KEY)
    if not stored:
        return {}
    version = portal_storage(VERSION_KEY)
    key = ("/".join(api.portal.get().getPhysicalPath()), version() if version else 0)
    cached = _los_cache.get("map")
    if cached is None or cached[0] != key:
        cached = _los_cache["map"] = (key, build_map(stored))
    return cached[1]


def import_los_synonyms(source, scope: str = "site") -> int:
    """Store the label rings of LOS concepts (path, URL or bytes); return how many."""
    rings = select_rings(source, scope)
    annotations = IAnnotations(api.portal.get())
    annotations[LOS_KEY] = PersistentList(tuple(r) for r in rings)
    portal_storage(VERSION_KEY, Length, create=True).change(1)
    return len(rings)


def los_ring_count() -> int:
    """How many LOS rings are stored."""
    return len(portal_storage(LOS_KEY) or ())


class Synonyms:
    """The synonym maps of one query (LOS and editors), read once."""

    def __init__(self):
        try:
            maps = (_editor_map(editor_lines()), _los_map())
        except (api.exc.CannotGetPortalError, ComponentLookupError):  # no site
            maps = ()
        self.maps = [m for m in maps if m]

    def related(self, terms) -> tuple[str, ...]:
        """Terms of the rings any of ``terms`` is in, minus ``terms``."""
        found: dict[str, None] = {}
        for mapping in self.maps:
            for term in terms:
                for other in mapping.get(term, ()):
                    found[other] = None
        return tuple(t for t in found if t not in terms)
