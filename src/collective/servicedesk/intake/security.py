"""Run intake work as a named technical user with full rights.

Citizens are anonymous and the mail poller has no user at all; they may
create inquiries and add to them, but only through our intake functions.
The technical user's id (``web-form``, ``mail-intake``, ``sms-intake``)
shows in the history as the author of what came in through that channel.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.users import UnrestrictedUser
from collections.abc import Iterator
from contextlib import contextmanager
from plone import api

CHANNEL_USERS = {
    "web": "web-form",
    "email": "mail-intake",
    "sms": "sms-intake",
}


class IntakeUser(UnrestrictedUser):
    """A technical user that passes every security check."""

    def getId(self) -> str:
        return self.getUserName()


def channel_user(channel: str) -> str:
    """The id of the technical user of ``channel``."""
    return CHANNEL_USERS.get(channel, "intake")


@contextmanager
def intake_user(channel: str) -> Iterator[None]:
    """Act as the technical user of ``channel`` inside the block."""
    name = channel_user(channel)
    acl_users = api.portal.get().acl_users
    user = IntakeUser(name, "", ["Manager"], []).__of__(acl_users)
    previous = getSecurityManager()
    newSecurityManager(None, user)
    try:
        yield
    finally:
        setSecurityManager(previous)
