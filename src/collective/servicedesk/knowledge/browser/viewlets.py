"""Viewlets: the promote button on inquiries, the redaction notice on drafts."""

from collective.servicedesk.knowledge.promote import SOLVED_STATES
from collective.servicedesk.knowledge.promote import redaction_counts
from collective.servicedesk.knowledge.redact import DEFAULT_LABELS
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

# Shown until an item is published: the editor's review step.
REVIEW_STATES = ("draft", "pending", "private", "needs_review")


class PromoteViewlet(ViewletBase):
    """A "share as knowledge" button on solved inquiries."""

    index = ViewPageTemplateFile("templates/promote_viewlet.pt")

    def available(self) -> bool:
        if getattr(self.context, "confidential", False):
            return False
        return api.content.get_state(self.context, default=None) in SOLVED_STATES

    def url(self) -> str:
        return f"{self.context.absolute_url()}/@@promote-knowledge"


class RedactionViewlet(ViewletBase):
    """What was redacted, and the link back to the source inquiry."""

    index = ViewPageTemplateFile("templates/redaction_viewlet.pt")

    def update(self):
        super().update()
        self.counts = redaction_counts(self.context)
        source = getattr(self.context, "source_inquiry", None)
        brains = api.content.find(UID=source) if source else []
        self.source = brains[0] if brains else None

    def available(self) -> bool:
        state = api.content.get_state(self.context, default=None)
        return bool(self.counts or self.source) and state in REVIEW_STATES

    def rows(self) -> list[dict]:
        from collective.servicedesk.knowledge.promote import LABELS

        return [
            {
                "kind": kind,
                "label": LABELS.get(kind, DEFAULT_LABELS.get(kind, kind)),
                "count": count,
            }
            for kind, count in sorted(self.counts.items())
        ]
