"""The Service Desk: an unordered, BTree-based container of inquiries."""

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
