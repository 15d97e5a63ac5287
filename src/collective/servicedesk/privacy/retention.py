"""Retention: anonymise closed inquiries after the retention period (tick step).

- closed, not archive-worthy: anonymised ``retention_days`` after closing;
- filed in the records system with a receipt (``records_status`` "filed"):
  anonymised at the next run, since the records system now keeps the case;
- closed and archive-worthy but not yet filed: kept.
"""

from collective.servicedesk import _
from collective.servicedesk.privacy.anonymise import anonymise
from collective.servicedesk.settings import settings
from collective.servicedesk.tick.interfaces import ITickStep
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from plone import api
from zope.i18nmessageid import Message
from zope.interface import implementer

# Inquiries anonymised per tick: keeps each transaction small.
BATCH = 200

REASON_EXPIRED = "retention_expired"
REASON_FILED = "filed"
REASONS: dict[str, Message] = {
    REASON_EXPIRED: _(
        "retention_reason_expired",
        default="Closed longer than the retention period, not archive-worthy",
    ),
    REASON_FILED: _("retention_reason_filed", default="Filed in the records system"),
}


def retention_days() -> int:
    """Return the configured retention period in days."""
    return settings().desk.retention_days


def is_enabled() -> bool:
    """True if the tick may anonymise (the admin has switched it on)."""
    return bool(settings().desk.retention_enabled)


def candidates(now: datetime, limit: int | None = None) -> list[tuple[object, str]]:
    """Return (brain, reason) of the inquiries whose personal data is due to go."""
    catalog = api.portal.get_tool("portal_catalog")
    cutoff = DateTime(now - timedelta(days=retention_days()))
    expired = catalog.unrestrictedSearchResults(
        portal_type="Inquiry",
        review_state="closed",
        archive_worthy=False,
        has_personal_data=True,
        closed_date={"query": cutoff, "range": "max"},
        sort_on="closed_date",
    )
    # Only what the records system has confirmed with a receipt: an
    # archive-worthy inquiry is never anonymised before the archive has it.
    filed = catalog.unrestrictedSearchResults(
        portal_type="Inquiry",
        review_state="filed",
        records_status="filed",
        has_personal_data=True,
        sort_on="created",
    )
    found = [(brain, REASON_EXPIRED) for brain in expired]
    found += [(brain, REASON_FILED) for brain in filed]
    return found[:limit] if limit else found


def run(now: datetime, limit: int = BATCH) -> list[dict]:
    """Anonymise the due inquiries (at most ``limit``); return what was done."""
    done = []
    for brain, reason in candidates(now, limit):
        obj = brain._unrestrictedGetObject()
        result = anonymise(obj, reason=reason, action="anonymised")
        done.append({**result, "reference": brain.reference_number, "reason": reason})
    return done


@implementer(ITickStep)
class RetentionStep:
    """The tick step: anonymise when switched on in the control panel."""

    order = 80

    def __call__(self, portal: object, now: datetime) -> dict:
        if not is_enabled():
            return {"enabled": False, "anonymised": 0}
        return {"enabled": True, "anonymised": len(run(now))}
