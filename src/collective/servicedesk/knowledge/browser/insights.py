"""Editors' overview (@@faq-insights): most used entries, missing ones, phrasings."""

from collective.servicedesk import _
from collective.servicedesk.knowledge import phrasings
from collective.servicedesk.knowledge.usage import category_gaps
from collective.servicedesk.knowledge.usage import most_used
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

MAX_FIELD = 500


def _int(value, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


def _field(form, name: str) -> str:
    value = form.get(name)
    return value[:MAX_FIELD] if isinstance(value, str) else ""


class InsightsView(BrowserView):
    """Guides editors: what is used, which busy categories lack an FAQ, and
    the phrasings learned from agents' choices (approve, discard, remove)."""

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and form.get("phrasing_action"):
            self._phrasing_action(form)
            return self.request.response.redirect(
                f"{self.context.absolute_url()}/@@faq-insights"
            )
        self.min_inquiries = _int(form.get("min"), 5)
        self.days = _int(form.get("days"), 365)
        self.used = most_used(limit=20)
        self.gaps = category_gaps(min_inquiries=self.min_inquiries, days=self.days)
        self.pending = phrasings.pending()
        self.learned = self._learned()
        return self.index()

    def _learned(self) -> list[dict]:
        brains = api.content.find(
            context=self.context, portal_type="FAQEntry", sort_on="sortable_title"
        )
        rows = []
        for brain in brains:
            fields = getattr(brain, "servicedesk_faq_fields", None)
            texts = fields.get("phrasings") if isinstance(fields, dict) else None
            if texts:
                rows.append(
                    {
                        "uid": brain.UID,
                        "title": brain.Title,
                        "url": brain.getURL(),
                        "phrasings": list(texts),
                    }
                )
        return rows

    def _phrasing_action(self, form) -> None:
        CheckAuthenticator(self.request)
        action = _field(form, "phrasing_action")
        uid = _field(form, "uid")
        entry = api.content.get(UID=uid) if uid else None
        if entry is None or entry.portal_type != "FAQEntry":
            return
        if not api.user.has_permission("Modify portal content", obj=entry):
            return
        done = False
        if action == "approve":
            done = phrasings.approve(entry, _field(form, "key"))
        elif action == "discard":
            done = phrasings.discard(uid, _field(form, "key"))
        elif action == "remove":
            done = phrasings.remove_phrasing(entry, _field(form, "text"))
        if done:
            api.portal.show_message(
                _("msg_phrasing_saved", default="The phrasings were updated."),
                self.request,
            )
