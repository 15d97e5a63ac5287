"""The public feed view (token in the URL) and the page to manage tokens."""

from collective.servicedesk import _
from collective.servicedesk.calendar import tokens
from collective.servicedesk.calendar.feeds import FEEDS
from plone import api
from plone.protect.authenticator import check
from plone.protect.authenticator import createToken
from Products.Five.browser import BrowserView
from zExceptions import Forbidden
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

PERMISSION = "collective.servicedesk: Use workspace"


@implementer(IPublishTraverse)
class FeedView(BrowserView):
    """/@@servicedesk-ical/<token>/<feed>.ics — public, the token authenticates."""

    token = ""
    feed = ""

    def publishTraverse(self, request, name):
        if not self.token:
            self.token = name
        elif not self.feed:
            self.feed = name.removesuffix(".ics")
        else:
            raise NotFound(name)
        return self

    def __call__(self):
        user_id = tokens.owner(self.token)
        builder = FEEDS.get(self.feed)
        user = api.user.get(userid=user_id) if user_id else None
        # Unknown, revoked or orphaned token, or a user who is no longer staff:
        # all look the same from outside.
        if builder is None or user is None:
            raise NotFound("calendar feed")
        portal = api.portal.get()
        if not api.user.has_permission(PERMISSION, user=user, obj=portal):
            raise NotFound("calendar feed")
        body = builder(user_id).to_ical()
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Content-Disposition", f'inline; filename="{self.feed}.ics"')
        response.setHeader("Cache-Control", "private, max-age=300")
        response.setHeader("X-Robots-Tag", "noindex")
        return body


class FeedsPage(BrowserView):
    """Create and revoke my calendar feed URLs."""

    def feed_urls(self, token: str) -> list[dict]:
        base = f"{api.portal.get().absolute_url()}/@@servicedesk-ical/{token}"
        titles = {
            "deadlines": _("feed_deadlines_name", default="My service desk deadlines"),
            "roster": _("feed_roster_name", default="Service desk duty roster"),
        }
        return [
            {
                "title": titles[name],
                "url": f"{base}/{name}.ics",
                "webcal": f"webcal://{base.split('://', 1)[-1]}/{name}.ics",
            }
            for name in FEEDS
        ]

    def handle(self) -> None:
        form = self.request.form
        if self.request.method != "POST":
            return
        try:
            check(self.request)
        except Forbidden:
            api.portal.show_message(
                _(
                    "ws_error_csrf",
                    default="The form expired. Reload the page and send it "
                    "again; your input is kept.",
                ),
                request=self.request,
                type="error",
            )
            return
        if form.get("create"):
            try:
                token = tokens.create(self.user_id, form.get("label") or "")
            except ValueError:
                api.portal.show_message(
                    _(
                        "ws_error_too_many_tokens",
                        default="Revoke an old feed address first.",
                    ),
                    request=self.request,
                    type="error",
                )
                return
            self.new_feeds = self.feed_urls(token)
        elif form.get("revoke"):
            if tokens.revoke(self.user_id, form.get("token_id") or ""):
                api.portal.show_message(
                    _("feed_revoked", default="The feed address no longer works."),
                    request=self.request,
                )

    def __call__(self) -> str:
        self.user_id = api.user.get_current().getId()
        self.new_feeds = []
        self.handle()
        self.tokens = tokens.list_tokens(self.user_id)
        self.authenticator = createToken()
        return self.index()
