"""Tally mode: one click counts an inquiry of a category and channel (sample weeks)."""

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


def _terms(name: str, context) -> list:
    return list(getUtility(IVocabularyFactory, name=name)(context))


class TallyView(BrowserView):
    """A grid with one button per category and channel, and today's counts."""

    template = ViewPageTemplateFile("templates/tally.pt")

    def __call__(self):
        if self.request.method == "POST":
            return self.count()
        return self.template()

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
        """Register one tally inquiry from the clicked button, then show the grid."""
        CheckAuthenticator(self.request)
        category = self.request.form.get("category") or ""
        channel = self.request.form.get("channel") or ""
        channels = {term.value: term.title for term in self.channels()}
        if not is_known_category(category, self.context) or channel not in channels:
            api.portal.show_message(
                _(
                    "error_tally_unknown",
                    default="Unknown category or channel: nothing counted.",
                ),
                request=self.request,
                type="error",
            )
        else:
            title = next(
                term.title for term in self.categories() if term.value == category
            )
            run_in_turn(
                self.context,
                lambda: register_tally(
                    self.context, category, channel, category_title=title
                ),
            )
            api.portal.show_message(
                _(
                    "msg_tally_counted",
                    default="Counted: ${category}, ${channel}.",
                    mapping={"category": title, "channel": channels[channel]},
                ),
                request=self.request,
            )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@tally")
        return ""
