"""Which kinds of notices each user does not want by e-mail (site annotation)."""

from BTrees.OOBTree import OOBTree
from plone import api
from zope.annotation.interfaces import IAnnotations

ANNOTATION_KEY = "collective.servicedesk.notification_preferences"


def disabled_kinds(user_id: str) -> frozenset[str]:
    """Return the kinds this user turned off (read-only)."""
    tree = IAnnotations(api.portal.get()).get(ANNOTATION_KEY)
    if tree is None:
        return frozenset()
    return frozenset(tree.get(user_id, ()))


def set_disabled_kinds(user_id: str, kinds: set[str] | list[str]) -> None:
    """Store the kinds this user turned off (writes only on a change)."""
    kinds = tuple(sorted(set(kinds)))
    annotations = IAnnotations(api.portal.get())
    tree = annotations.get(ANNOTATION_KEY)
    if tree is None:
        if not kinds:
            return
        tree = annotations[ANNOTATION_KEY] = OOBTree()
    if tuple(tree.get(user_id, ())) != kinds:
        tree[user_id] = kinds
