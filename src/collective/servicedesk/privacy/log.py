"""The append-only log of data-subject requests: who did what, when and why.

Kept in the site (an LOBTree keyed by time in a portal annotation): there is
no function to change or delete an entry. Search terms are stored masked, so
the log itself holds as little personal data as possible.
"""

from BTrees.LOBTree import LOBTree
from collective.servicedesk.annotations import portal_storage
from datetime import UTC
from datetime import datetime
from plone import api
import re

ANNOTATION_KEY = "collective.servicedesk.privacy.log"
ACTIONS = ("find", "export", "erase", "retention_run")


def _tree(create: bool = False) -> LOBTree | None:
    return portal_storage(ANNOTATION_KEY, LOBTree, create=create)


def mask(kind: str, value: str) -> str:
    """Return ``value`` masked: "k***@demo.no", "+47*****678", "K. N."."""
    value = (value or "").strip()
    if not value:
        return ""
    if kind == "email":
        local, _sep, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    if kind == "phone":
        digits = re.sub(r"\D", "", value)
        return "*" * max(len(digits) - 3, 0) + digits[-3:]
    return " ".join(f"{word[:1].upper()}." for word in value.split())


def append(action: str, reason: str, query: dict, references: list[str]) -> dict:
    """Append an entry and return it."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown action {action!r}")
    now = datetime.now(UTC)
    tree = _tree(create=True)
    key = int(now.timestamp() * 1_000_000)
    while key in tree:  # two entries in the same microsecond
        key += 1
    user = api.user.get_current()
    entry = {
        "when": now,
        "who": user.getId() if user else None,
        "action": action,
        "reason": reason,
        "query": {kind: mask(kind, value) for kind, value in query.items() if value},
        "references": list(references),
    }
    tree[key] = entry
    return dict(entry)


def entries(limit: int = 500) -> list[dict]:
    """Return the newest ``limit`` entries, newest first."""
    tree = _tree()
    if tree is None:
        return []
    found = []
    for key in reversed(tree.keys()):
        found.append(dict(tree[key]))
        if len(found) >= limit:
            break
    return found
