"""Storage kept in annotations: one way to read it and one way to create it.

Reads never write: ``create=False`` (the default) returns ``None`` when nothing
is stored yet, so a GET that only looks does not turn into a ZODB write (and a
conflict). Writers ask for ``create=True`` and get the stored object, made by
``factory()`` the first time.
"""

from BTrees.OOBTree import OOBTree
from collections.abc import Callable
from plone import api
from zope.annotation.interfaces import IAnnotations


def object_storage(
    obj, key: str, factory: Callable[[], object] = OOBTree, create: bool = False
):
    """Return ``obj``'s annotation ``key``; ``create`` makes it by ``factory()``."""
    annotations = IAnnotations(obj)
    value = annotations.get(key)
    if value is None and create:
        value = annotations[key] = factory()
    return value


def portal_storage(
    key: str,
    factory: Callable[[], object] = OOBTree,
    create: bool = False,
    portal=None,
):
    """Return the site's annotation ``key`` (``None`` if absent and not ``create``)."""
    site = portal if portal is not None else api.portal.get()
    return object_storage(site, key, factory, create)


def with_parts(factory: Callable[[], object] = OOBTree, **parts: Callable[[], object]):
    """A factory for a container that starts with a fresh ``part()`` under each name."""

    def make():
        value = factory()
        for name, part in parts.items():
            value[name] = part()
        return value

    return make
