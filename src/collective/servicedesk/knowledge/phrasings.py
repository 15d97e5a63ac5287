"""Learning from use: how people asked for an FAQ entry becomes its phrasing.

When an agent answers an inquiry with an FAQ entry (quick bar, register and
close), the inquiry's summary is a phrasing of that entry's question in the
asker's own words. It is redacted first (national ID and D-numbers, phone
numbers, e-mail addresses, the requester's names); what was removed is dropped,
never stored. A phrasing becomes an alternative phrasing of the entry only when
it recurs (the same words, analysed) or an editor approves it on the FAQ
insights page; until then it waits in a site annotation.
"""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.knowledge.redact import DEFAULT_LABELS
from collective.servicedesk.knowledge.redact import redact
from collective.servicedesk.search.analysis.chain import index_terms
from collective.servicedesk.search.faq_index import bump
from datetime import UTC
from datetime import datetime
from persistent.mapping import PersistentMapping
from plone import api

CANDIDATES_KEY = "collective.servicedesk.knowledge.phrasing_candidates"
RECURRENCE = 2
MAX_LENGTH = 200
MAX_PHRASINGS = 50
MAX_CANDIDATES_PER_ENTRY = 100
NAME_FIELDS = ("requester_name", "requester_organisation")


def requester_names(inquiry) -> list[str]:
    """Names the phrasing must not keep: the requester fields of the inquiry."""
    return [getattr(inquiry, name, None) or "" for name in NAME_FIELDS]


def clean(text: str, names=()) -> str:
    """The text without personal data: redacted, and the labels taken out too."""
    result = redact((text or "")[: MAX_LENGTH * 2], list(names))
    cleaned = result.text
    for label in DEFAULT_LABELS.values():
        cleaned = cleaned.replace(label, " ")
    # What is left around a removed item ("( )", "fnr ,") is no word either.
    kept = [t for t in cleaned.split() if any(c.isalnum() for c in t)]
    return " ".join(kept)[:MAX_LENGTH].strip(" -–,.:;")


def phrasing_key(text: str) -> str:
    """Phrasings with the same analysed words are one (word order, inflection)."""
    return " ".join(sorted(set(index_terms(text))))


def _candidates(create: bool = False):
    return portal_storage(CANDIDATES_KEY, create=create)


def _known_keys(faq) -> set[str]:
    keys = {phrasing_key(faq.title or "")}
    keys.update(
        phrasing_key(p) for p in getattr(faq, "alternative_phrasings", None) or ()
    )
    return keys


def add_phrasing(faq, text: str) -> bool:
    """Add an alternative phrasing to the entry and reindex it (False if known)."""
    phrasings = list(getattr(faq, "alternative_phrasings", None) or ())
    if not text or phrasing_key(text) in _known_keys(faq):
        return False
    if len(phrasings) >= MAX_PHRASINGS:
        return False
    faq.alternative_phrasings = [*phrasings, text]
    faq.reindexObject(idxs=["SearchableText", "servicedesk_text"])
    bump()
    return True


def remove_phrasing(faq, text: str) -> bool:
    """Take a phrasing off the entry (editors prune on the insights page)."""
    phrasings = list(getattr(faq, "alternative_phrasings", None) or ())
    if text not in phrasings:
        return False
    phrasings.remove(text)
    faq.alternative_phrasings = phrasings
    faq.reindexObject(idxs=["SearchableText", "servicedesk_text"])
    bump()
    return True


def learn_phrasing(faq, text: str, names=()) -> str | None:
    """Note that ``text`` asked for ``faq``; returns "added", "pending" or None."""
    cleaned = clean(text, names)
    key = phrasing_key(cleaned)
    if not key or len(key.split()) < 2 or key in _known_keys(faq):
        return None
    uid = api.content.get_uuid(faq)
    tree = _candidates(create=True)
    entry = tree.get(uid)
    if entry is None:
        entry = tree[uid] = OOBTree()
    candidate = entry.get(key)
    now = datetime.now(UTC)
    if candidate is None:
        if len(entry) >= MAX_CANDIDATES_PER_ENTRY:
            return None
        candidate = entry[key] = PersistentMapping(
            {"text": cleaned, "count": 0, "first": now}
        )
    candidate["count"] += 1
    candidate["last"] = now
    if candidate["count"] >= RECURRENCE:
        del entry[key]
        add_phrasing(faq, candidate["text"])
        return "added"
    return "pending"


def approve(faq, key: str) -> bool:
    """An editor accepts a waiting phrasing."""
    entry = (_candidates() or {}).get(api.content.get_uuid(faq))
    candidate = entry.get(key) if entry is not None else None
    if candidate is None:
        return False
    del entry[key]
    return add_phrasing(faq, candidate["text"])


def discard(uid: str, key: str) -> bool:
    """An editor drops a waiting phrasing."""
    entry = (_candidates() or {}).get(uid)
    if entry is None or key not in entry:
        return False
    del entry[key]
    return True


def pending(limit: int = 50) -> list[dict]:
    """Waiting phrasings of the entries the user may see, most frequent first."""
    tree = _candidates()
    if not tree:
        return []
    rows = [
        {"uid": uid, "key": key, "text": c["text"], "count": c["count"]}
        for uid, entry in tree.items()
        for key, c in entry.items()
    ]
    if not rows:
        return []
    brains = api.content.find(UID=list({r["uid"] for r in rows}))
    titles = {b.UID: (b.Title, b.getURL()) for b in brains}
    rows = [r for r in rows if r["uid"] in titles]
    for row in rows:
        row["title"], row["url"] = titles[row["uid"]]
    rows.sort(key=lambda r: (-r["count"], r["title"], r["text"]))
    return rows[:limit]
