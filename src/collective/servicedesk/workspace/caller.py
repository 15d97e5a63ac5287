"""Earlier inquiries of a caller, found through the keyed contact hashes.

The quick bar asks while the agent types a phone number or an e-mail address.
The lookup goes through the ``contact_hashes`` index (HMAC of the normalised
value, see ``privacy.hashing``), so no personal data is ever in the catalog,
and the catalog's own permission filter decides which inquiries the agent sees.
"""

from collective.servicedesk.dates import iso
from collective.servicedesk.dates import local
from collective.servicedesk.privacy.hashing import contact_hash
from collective.servicedesk.workspace.queue import state_title
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate

MAX_LENGTH = 254  # the longest e-mail address RFC 5321 allows; phones are shorter
LIMIT = 5


class CallerLookupError(ValueError):
    """Input the lookup refuses: the field and a translatable message."""

    def __init__(self, field: str, message) -> None:
        super().__init__(field)
        self.field = field
        self.message = message


def lookup_hashes(phone: str = "", email: str = "") -> list[str]:
    """The contact hashes to look for (none when the site has no secret yet)."""
    hashes = []
    for kind, value in (("phone", phone), ("email", email)):
        if not isinstance(value, str):
            value = ""
        digest = contact_hash(kind, value[:MAX_LENGTH]) if value.strip() else None
        if digest:
            hashes.append(digest)
    return hashes


def check(phone, email) -> None:
    """Refuse values that are not text or too long (before any work)."""
    from collective.servicedesk import _

    for field, value in (("phone", phone), ("email", email)):
        if value is None:
            continue
        if not isinstance(value, str):
            raise CallerLookupError(
                field, _("error_caller_text", default="Send the value as text.")
            )
        if len(value) > MAX_LENGTH:
            raise CallerLookupError(
                field,
                _(
                    "error_caller_too_long",
                    default="At most ${max} characters.",
                    mapping={"max": MAX_LENGTH},
                ),
            )


def earlier_inquiries(phone: str = "", email: str = "", limit: int = LIMIT) -> dict:
    """The caller's latest inquiries the user may see (catalog metadata only)."""
    check(phone, email)
    hashes = lookup_hashes(phone or "", email or "")
    if not hashes:
        return {"items": [], "total": 0}
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.searchResults(
        portal_type="Inquiry",
        contact_hashes=hashes,
        sort_on="created",
        sort_order="descending",
    )
    request = getRequest()
    items = []
    for brain in brains[:limit]:
        created = local(brain.created)
        items.append(
            {
                "url": brain.getURL(),
                "reference": getattr(brain, "reference_number", "") or "",
                "title": brain.Title or "",
                "state": brain.review_state,
                "state_title": translate(
                    state_title(brain.review_state),
                    domain="collective.servicedesk",
                    context=request,
                ),
                "created": iso(brain.created),
                "created_local": created.strftime("%d.%m.%Y") if created else "",
            }
        )
    return {"items": items, "total": len(brains)}
