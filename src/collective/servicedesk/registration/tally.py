"""Tally mode: one click counts an inquiry of a category and channel (sample weeks)."""

from Acquisition import aq_parent
from collections import Counter
from collective.servicedesk import _
from collective.servicedesk.deadlines.calendar import TIMEZONE
from collective.servicedesk.registration.service import register_tally
from collective.servicedesk.registration.turns import run_in_turn
from collective.servicedesk.registration.validators import is_known_category
from DateTime import DateTime
from datetime import datetime
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
import json
import transaction

# How long an agent can take back a tally click (a mis-click is noticed at once).
UNDO_SECONDS = 10 * 60


def _terms(name: str, context) -> list:
    return list(getUtility(IVocabularyFactory, name=name)(context))


class TallyView(BrowserView):
    """A grid with one button per category and channel, and today's counts."""

    template = ViewPageTemplateFile("templates/tally.pt")

    def __call__(self):
        if self.request.method == "POST":
            if self.request.form.get("undo"):
                return self.undo()
            return self.count()
        return self.template()

    def wants_json(self) -> bool:
        return "application/json" in (self.request.getHeader("Accept") or "")

    def json(self, data: dict, status: int = 200) -> str:
        """Answer the page's fetch(): the click counted in place, no reload."""
        self.request.response.setStatus(status)
        self.request.response.setHeader(
            "Content-Type", "application/json; charset=utf-8"
        )
        self.request.response.setHeader("Cache-Control", "no-store")
        return json.dumps(data)

    def counts_json(self, category: str, channel: str) -> dict:
        counts = self.today_counts()
        return {
            "count": counts.get((category, channel), 0),
            "total": self.total(counts),
        }

    def answer(self, message, ok: bool, **extra) -> str:
        """JSON for fetch(), else the message on the grid page."""
        if self.wants_json():
            text = translate(message, context=self.request)
            return self.json({"ok": ok, "message": text, **extra}, 200 if ok else 400)
        api.portal.show_message(
            message, request=self.request, type="info" if ok else "error"
        )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@tally")
        return ""

    def undo(self):
        """Take back one of the user's own tally clicks of the last minutes."""
        CheckAuthenticator(self.request)
        uid = self.request.form.get("undo")
        inquiry = api.content.get(UID=uid) if isinstance(uid, str) else None
        user_id = api.user.get_current().getId()
        allowed = (
            inquiry is not None
            and inquiry.portal_type == "Inquiry"
            and getattr(inquiry, "tally", False)
            and inquiry.Creator() == user_id
            and aq_parent(inquiry) == self.context
            and (DateTime() - inquiry.created()) * 86400 <= UNDO_SECONDS
        )
        if not allowed:
            transaction.doom()
            return self.answer(
                _(
                    "error_tally_undo",
                    default="This click can no longer be taken back.",
                ),
                ok=False,
            )
        category = getattr(inquiry, "category", "") or ""
        channel = getattr(inquiry, "channel", "") or ""
        # A tally inquiry is a bare, anonymous count; taking back the agent's own
        # mis-click a moment later removes it (no record of a person is lost).
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(inquiry, check_linkintegrity=False)
        return self.answer(
            _("msg_tally_undone", default="The last click was taken back."),
            ok=True,
            category=category,
            channel=channel,
            **self.counts_json(category, channel),
        )

    def categories(self) -> list:
        return _terms("collective.servicedesk.Categories", self.context)

    def channels(self) -> list:
        return _terms("collective.servicedesk.Channels", self.context)

    def today_counts(self) -> Counter:
        """{(category, channel): tallies today} from catalog metadata, no objects."""
        start = DateTime(
            datetime.now(TIMEZONE)
            .replace(hour=0, minute=0, second=0, microsecond=0)
            .isoformat()
        )
        catalog = api.portal.get_tool("portal_catalog")
        query = {
            "portal_type": "Inquiry",
            "path": "/".join(self.context.getPhysicalPath()),
            "created": {"query": start, "range": "min"},
        }
        if "tally" in catalog.indexes():
            query["tally"] = True
        return Counter(
            (brain.inquiry_category, brain.inquiry_channel)
            for brain in catalog.searchResults(**query)
        )

    def cell_label(self, category, channel) -> str:
        """Tooltip of a grid button, e.g. "Parking · Phone"."""
        return f"{category.title} · {translate(channel.title, context=self.request)}"

    def total(self, counts: Counter) -> int:
        return sum(counts.values())

    def count(self):
        """Register one tally inquiry from the clicked button."""
        CheckAuthenticator(self.request)
        category = self.request.form.get("category") or ""
        channel = self.request.form.get("channel") or ""
        if not isinstance(category, str) or not isinstance(channel, str):
            category = channel = ""
        channels = {term.value: term.title for term in self.channels()}
        if not is_known_category(category, self.context) or channel not in channels:
            transaction.doom()
            return self.answer(
                _(
                    "error_tally_unknown",
                    default="Unknown category or channel: nothing counted.",
                ),
                ok=False,
            )
        title = next(term.title for term in self.categories() if term.value == category)
        inquiry = run_in_turn(
            self.context,
            lambda: register_tally(
                self.context, category, channel, category_title=title
            ),
        )
        return self.answer(
            _(
                "msg_tally_counted",
                default="Counted: ${category}, ${channel}.",
                mapping={"category": title, "channel": channels[channel]},
            ),
            ok=True,
            uid=api.content.get_uuid(inquiry),
            category=category,
            channel=channel,
            **self.counts_json(category, channel),
        )
