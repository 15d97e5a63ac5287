"""Competence profiles: which users and groups know which category."""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.routing.principals import expand_users

ANNOTATION_KEY = "collective.servicedesk.competence"


def _storage(create: bool = False) -> OOBTree | None:
    return portal_storage(ANNOTATION_KEY, create=create)


def get_competence(category_id: str) -> list[str]:
    """Return the principals ("user:x", "group:y") registered for a category."""
    tree = _storage()
    return list(tree.get(category_id, ())) if tree is not None else []


def all_competence() -> dict[str, list[str]]:
    """Return {category id: principals} for every category with an entry."""
    tree = _storage()
    return {key: list(value) for key, value in tree.items()} if tree else {}


def set_competence(category_id: str, principals: list[str]) -> None:
    """Replace the principals of a category (written only when it changes)."""
    value = tuple(dict.fromkeys(p for p in principals if p))
    tree = _storage(create=bool(value))
    if tree is None:
        return
    if not value:
        if category_id in tree:
            del tree[category_id]
    elif tree.get(category_id) != value:
        tree[category_id] = value


def competent_for(category: str | None) -> list[str]:
    """Return the user ids competent for a category, groups expanded."""
    return expand_users(get_competence(category)) if category else []
