"""Keep follow-up codes in step with their inquiries."""

from collective.servicedesk.citizen.codes import revoke_uid
from plone.uuid.interfaces import IUUID


def inquiry_removed(obj, event) -> None:
    """A deleted inquiry's code must not outlive it."""
    uid = IUUID(obj, None)
    if uid:
        revoke_uid(uid)
