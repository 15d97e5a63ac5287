"""Find the service desk and inquiries without the caller's permissions.

The citizen channels run as anonymous (web form, SMS webhook) or as a
technical user (mail poller); these look-ups must not depend on what that
caller may see, and they never hand objects back to the caller unchecked.
"""

from plone import api
import re

REFERENCE_RE = re.compile(r"(?<![0-9])(\d{4}-\d{6})(?![0-9])")


def find_service_desk():
    """Return the site's (first) ServiceDesk, or None."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="ServiceDesk", sort_on="path"
    )
    for brain in brains:
        return brain._unrestrictedGetObject()
    return None


def find_reference(text: str | None) -> str | None:
    """Return the first reference number (``YYYY-NNNNNN``) in ``text``."""
    match = REFERENCE_RE.search(text or "")
    return match.group(1) if match else None


def inquiry_by_reference(reference: str):
    """Return the inquiry with this reference number, or None."""
    if not reference:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Inquiry", reference_number=reference
    ):
        obj = brain._unrestrictedGetObject()
        # Guard against a catalog that ignores an unknown index: the match
        # must be exact, never "all inquiries".
        if getattr(obj, "reference_number", None) == reference:
            return obj
    return None


def inquiry_by_uid(uid: str):
    """Return the inquiry with this UID, or None."""
    if not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Inquiry", UID=uid):
        return brain._unrestrictedGetObject()
    return None
