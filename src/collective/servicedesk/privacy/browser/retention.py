"""The retention report: a dry run listing what the next run would anonymise."""

from collective.servicedesk import _
from collective.servicedesk.privacy import log
from collective.servicedesk.privacy.browser.labels import Labels
from collective.servicedesk.privacy.retention import BATCH
from collective.servicedesk.privacy.retention import REASONS
from collective.servicedesk.privacy.retention import candidates
from collective.servicedesk.privacy.retention import is_enabled
from collective.servicedesk.privacy.retention import retention_days
from collective.servicedesk.privacy.retention import run
from datetime import UTC
from datetime import datetime
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

# Rows shown in the report; the count covers all.
LIMIT = 500


class RetentionReport(BrowserView):
    """List the inquiries whose personal data is due to be removed; run on demand."""

    def __call__(self):
        if self.request.method == "POST" and "form.buttons.run" in self.request.form:
            CheckAuthenticator(self.request)
            done = run(datetime.now(UTC), limit=BATCH)
            log.append(
                "retention_run",
                self.request.form.get("reason", "") or "manual",
                {},
                [item["reference"] for item in done],
            )
            api.portal.show_message(
                _(
                    "retention_run_done",
                    default="Personal data removed from ${count} inquiries.",
                    mapping={"count": len(done)},
                ),
                request=self.request,
            )
            return self.request.response.redirect(self.url())
        return self.index()

    def url(self) -> str:
        """Return the address of this page."""
        return f"{self.context.absolute_url()}/@@servicedesk-retention"

    def settings(self) -> dict:
        """Return whether automatic anonymising is on, and the period."""
        return {"enabled": is_enabled(), "days": retention_days()}

    def rows(self) -> dict:
        """Return the count and the first rows of the dry run (catalog data only)."""
        found = candidates(datetime.now(UTC))
        labels = Labels(self.context)
        rows = [
            {
                "reference": brain.reference_number,
                "url": brain.getURL(),
                "category": labels.category(brain.inquiry_category),
                "channel": labels.channel(brain.inquiry_channel),
                "state": labels.state(brain.review_state),
                "reason": REASONS[reason],
            }
            for brain, reason in found[:LIMIT]
        ]
        return {"count": len(found), "rows": rows, "batch": BATCH}
