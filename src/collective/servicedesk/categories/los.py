"""Import the LOS taxonomy as categories (idempotent: matched by LOS URI)."""

from collective.servicedesk.categories.language import LANGUAGES
from collective.servicedesk.categories.los_parser import parse_los
from collective.servicedesk.categories.los_parser import read_source
from collective.servicedesk.categories.los_parser import select_concepts
from collective.servicedesk.categories.storage import ID_PATTERN
from collective.servicedesk.categories.storage import _next_order
from collective.servicedesk.categories.storage import _storage
from collective.servicedesk.categories.storage import add_category
from collective.servicedesk.categories.storage import update_category
from typing import IO
import re

LOS_DEFAULT_URL = "https://psi.norge.no/los/all.rdf"
SCOPES = ("themes", "kommune")


def _slug(uri: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", uri.rstrip("/").rsplit("/", 1)[-1].lower())
    return slug.strip("-")[:70] or "concept"


def _new_id(uri: str, taken: set) -> str:
    """Return a free id like los-byggesak (los-ord-byggesak on a clash)."""
    parts = uri.rstrip("/").rsplit("/", 2)
    candidates = [f"los-{_slug(uri)}", f"los-{_slug(parts[-2])}-{_slug(uri)}"]
    number = 2
    while True:
        for candidate in candidates:
            if candidate not in taken and ID_PATTERN.match(candidate):
                return candidate
        candidates = [f"los-{_slug(uri)}-{number}"]
        number += 1


def _titles(labels: dict) -> dict:
    """The nb/nn/en labels LOS has (a missing one keeps the current text)."""
    return {code: labels[code] for code in LANGUAGES if labels.get(code)}


def _depth_first(selected: list[dict], parent_of: dict) -> list[dict]:
    """Order concepts as a tree: each parent before its children, by nb label."""
    children: dict = {}
    for concept in selected:
        children.setdefault(parent_of.get(concept["uri"]), []).append(concept)
    for siblings in children.values():
        siblings.sort(key=lambda c: (c["labels"].get("nb", ""), c["uri"]))
    ordered, stack = [], list(reversed(children.get(None, [])))
    while stack:
        concept = stack.pop()
        ordered.append(concept)
        stack.extend(reversed(children.get(concept["uri"], [])))
    return ordered


def import_los(
    source: str | bytes | IO[bytes], scope: str = "themes", service_level: str = "2"
) -> dict:
    """Import LOS themes (or the Kommune-Los subset) from a path, URL, bytes or file.

    New concepts become categories; known ones (same LOS URI) get new labels, and a
    parent if they have none, but keep unit, promise, level, order and retired flag.
    Returns counts: added, updated, unchanged.
    """
    if scope not in SCOPES:
        raise ValueError(f"Unknown LOS scope {scope!r}.")
    data = read_source(source) if isinstance(source, str) else source
    selected = select_concepts(parse_los(data), scope)
    chosen = {concept["uri"] for concept in selected}
    parent_of = {
        concept["uri"]: next(
            (uri for uri in sorted(concept["broader"]) if uri in chosen), None
        )
        for concept in selected
    }
    tree = _storage(create=True)
    by_uri = {r["los_uri"]: r["id"] for r in tree.values() if r.get("los_uri")}
    taken = set(tree.keys())
    order = _next_order(tree)
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    for concept in _depth_first(selected, parent_of):
        uri = concept["uri"]
        titles = _titles(concept["labels"]) or {"nb": _slug(uri)}
        parent_id = by_uri.get(parent_of.get(uri))
        existing = tree.get(by_uri[uri]) if uri in by_uri else None
        if existing is None:
            category_id = _new_id(uri, taken)
            add_category(
                category_id,
                titles,
                service_level=service_level,
                parent=parent_id,
                los_uri=uri,
                order=order,
            )
            taken.add(category_id)
            by_uri[uri] = category_id
            order += 10
            counts["added"] += 1
            continue
        updated = update_category(existing["id"], title=titles)
        if not existing.get("parent") and parent_id and parent_id != existing["id"]:
            try:
                updated = update_category(existing["id"], parent=parent_id)
            except ValueError:  # the admin built the tree the other way round
                pass
        changed = updated["title"] != existing["title"] or updated.get(
            "parent"
        ) != existing.get("parent")
        counts["updated" if changed else "unchanged"] += 1
    return counts
