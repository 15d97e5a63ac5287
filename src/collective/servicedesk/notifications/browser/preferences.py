"""Personal form: which kinds of notices come by e-mail."""

from collective.servicedesk import _
from collective.servicedesk.notifications.compose import user_language
from collective.servicedesk.notifications.kinds import KINDS
from collective.servicedesk.notifications.preferences import disabled_kinds
from collective.servicedesk.notifications.preferences import set_disabled_kinds
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage


class NotificationPreferencesView(BrowserView):
    """@@notification-preferences: GET shows, POST saves (the only write)."""

    template = ViewPageTemplateFile("preferences.pt")

    def __call__(self) -> str:
        self.user = api.user.get_current()
        form = self.request.form
        if self.request.method == "POST" and form.get("form.buttons.save"):
            CheckAuthenticator(self.request)
            wanted = form.get("kinds", [])
            wanted = [wanted] if isinstance(wanted, str) else wanted
            set_disabled_kinds(self.user.getId(), set(KINDS) - set(wanted))
            IStatusMessage(self.request).add(
                _("msg_preferences_saved", default="Your choices were saved."),
                type="info",
            )
            return self.request.response.redirect(
                self.context.absolute_url() + "/@@notification-preferences"
            )
        return self.template()

    def kinds(self) -> list[dict]:
        """Return each kind with its title and whether it comes by e-mail."""
        disabled = disabled_kinds(self.user.getId())
        return [
            {"id": kind, "title": title, "enabled": kind not in disabled}
            for kind, (title, _subject, _body) in KINDS.items()
        ]

    def email(self) -> str:
        return self.user.getProperty("email", "") or ""

    def language(self) -> str:
        return user_language(self.user)
