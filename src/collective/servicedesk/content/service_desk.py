"""The Service Desk: an unordered, BTree-based container of inquiries."""

from contextlib import contextmanager
from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IServiceDesk(model.Schema):
    """Marker schema of the service desk container."""


@implementer(IServiceDesk)
class ServiceDesk(Container):
    """Container of inquiries, built so that concurrent registrations do not conflict.

    Unordered: the default ordering keeps a list of all ids in one annotation,
    which every add rewrites.
    """

    _ordering = "unordered"

    def notifyModified(self) -> None:
        """Update the modification date only if the desk's own data changed.

        Adding or removing an inquiry fires a container-modified event, and
        Dexterity then stamps the container's modification date: every
        registration would write the desk object, and concurrent
        registrations would conflict on it. The members live in separate
        BTree objects, so an unchanged desk (``_p_changed`` false) means only
        its members changed.
        """
        if self._p_changed or self._p_jar is None:
            super().notifyModified()

    # Adding or removing an inquiry fires a container-modified event, and
    # plone.dexterity's ``reindexOnModify`` then reindexed the whole desk
    # (every index and its metadata) in every registration, although none of
    # the desk's indexed values depends on its inquiries: about 7 ms of CPU
    # per registration at 3 000 inquiries (issue 19). plone.dexterity has no
    # switch for it (plone/plone.dexterity#170 proposes dropping it for every
    # container and is not merged), so the desk skips the full reindex asked
    # for while its members change. A reindex of named indexes, and any
    # reindex outside adding or removing members (an edit of the desk, a
    # workflow change), runs as before.

    def _setObject(self, *args, **kwargs):
        with _members_changing(self):
            return super()._setObject(*args, **kwargs)

    def _delObject(self, *args, **kwargs):
        with _members_changing(self):
            return super()._delObject(*args, **kwargs)

    def manage_renameObject(self, *args, **kwargs):
        """Rename a particular sub-object (as the base class does)."""
        # plone.api's create adds, then renames (and notifies the container);
        # the base class's security declaration applies by name.
        with _members_changing(self):
            return super().manage_renameObject(*args, **kwargs)

    def reindexObject(self, idxs=None) -> None:
        """Update the desk's catalogue entry (not while only its members change)."""
        if not idxs and getattr(self, "_v_members_changing", 0):
            return
        super().reindexObject([] if idxs is None else idxs)


@contextmanager
def _members_changing(desk):
    """Mark the desk (in memory only: a volatile attribute) while members change."""
    depth = getattr(desk, "_v_members_changing", 0)
    desk._v_members_changing = depth + 1
    try:
        yield
    finally:
        desk._v_members_changing = depth
