"""Which kinds of notices each user does not want by e-mail (site annotation)."""

from collective.servicedesk.annotations import portal_storage

ANNOTATION_KEY = "collective.servicedesk.notification_preferences"


def disabled_kinds(user_id: str) -> frozenset[str]:
    """Return the kinds this user turned off (read-only)."""
    tree = portal_storage(ANNOTATION_KEY)
    if tree is None:
        return frozenset()
    return frozenset(tree.get(user_id, ()))


def set_disabled_kinds(user_id: str, kinds: set[str] | list[str]) -> None:
    """Store the kinds this user turned off (writes only on a change)."""
    kinds = tuple(sorted(set(kinds)))
    tree = portal_storage(ANNOTATION_KEY, create=bool(kinds))
    if tree is None:
        return
    if tuple(tree.get(user_id, ())) != kinds:
        tree[user_id] = kinds
