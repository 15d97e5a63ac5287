"""@@promote-knowledge: make a redacted draft from a solved inquiry."""

from collective.servicedesk import _
from collective.servicedesk.knowledge.promote import SOLVED_STATES
from collective.servicedesk.knowledge.promote import PromoteError
from collective.servicedesk.knowledge.promote import promote_inquiry
from collective.servicedesk.knowledge.promote import promoted_to
from collective.servicedesk.knowledge.promote import redaction_counts
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized


class PromoteView(BrowserView):
    """GET: explain and offer the two kinds; POST: create the draft, edit it."""

    def __call__(self):
        self.error = None
        if self.request.method == "POST" and self.request.form.get("kind"):
            CheckAuthenticator(self.request)
            try:
                draft = promote_inquiry(self.context, self.request.form["kind"])
            except PromoteError as exc:
                self.error = exc.message
            except Unauthorized:
                self.error = _(
                    "error_promote_unauthorized",
                    default="You may not add items to the knowledge base.",
                )
            else:
                counts = redaction_counts(draft)
                api.portal.show_message(
                    _(
                        "msg_promoted",
                        default="Draft created with ${count} redactions of personal "
                        "data (highlighted). Check the text before you submit it.",
                        mapping={"count": sum(counts.values())},
                    ),
                    request=self.request,
                )
                self.request.response.redirect(f"{draft.absolute_url()}/edit")
                return ""
        return self.index()

    def solved(self) -> bool:
        return api.content.get_state(self.context, default=None) in SOLVED_STATES

    def drafts(self) -> list[dict]:
        """Knowledge items already made from this inquiry (that the user may see)."""
        uids = promoted_to(self.context)
        if not uids:
            return []
        return [
            {"url": b.getURL(), "title": b.Title} for b in api.content.find(UID=uids)
        ]
