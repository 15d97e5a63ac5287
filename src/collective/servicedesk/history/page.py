"""``@@history``: CMFEditions' version diff cannot show unversioned content.

Inquiries are not versioned (their history is the service desk's own log), so
CMFEditions' ``@@history`` for ``*`` failed with an AttributeError on every
inquiry. On inquiries it now shows that log as a page; on other unversioned
content it answers 404 instead of a 500.
"""

from collective.servicedesk.history.viewlet import HistoryViewlet
from Products.CMFEditions.browser.diff import DiffView
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
import os
import Products.CMFEditions.browser


class HistoryListing(HistoryViewlet):
    """The history viewlet's list, rendered outside a viewlet manager."""

    index = ViewPageTemplateFile("history.pt")

    def render(self) -> str:
        return self.index()


class InquiryHistoryPage(BrowserView):
    """The inquiry's history (who did what, when and why) as a page."""

    def listing(self) -> str:
        listing = HistoryListing(self.context, self.request, self, None)
        listing.update()
        return listing.render()


class VersionHistory(DiffView):
    """CMFEditions' ``@@history``, with a 404 for content that has no versions."""

    index = ViewPageTemplateFile(
        "diff.pt",
        _prefix=os.path.join(
            os.path.dirname(Products.CMFEditions.browser.__file__), "templates"
        ),
    )

    def __call__(self):
        metadata = self.repo_tool.getHistoryMetadata(self.context)
        if not hasattr(metadata, "retrieve"):  # not versioned: an empty list
            raise NotFound("history")
        return super().__call__()
