"""Keep follow-up codes in step with their inquiries."""

from collective.servicedesk import logger
from collective.servicedesk.citizen.codes import revoke_uid
from plone import api
from plone.base.interfaces import IPloneSiteRoot
from plone.uuid.interfaces import IUUID


def inquiry_removed(obj, event) -> None:
    """A deleted inquiry's code must not outlive it.

    Never blocks a delete: when the whole site goes, its codes go with it, and
    outside a site (deleting it from the Zope root) there is nothing to revoke.
    """
    if IPloneSiteRoot.providedBy(event.object):
        return
    uid = IUUID(obj, None)
    if not uid:
        return
    try:
        api.portal.get()
    except api.exc.CannotGetPortalError:
        return
    try:
        revoke_uid(uid)
    except Exception:  # noqa: BLE001 - a stale code must never block a delete
        logger.exception("Could not revoke the follow-up code of %s.", uid)
