"""Site Setup → Service desk → Uninstall: choose what happens to the records."""

from collective.servicedesk import _
from collective.servicedesk.setuphandlers import uninstall
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage


class UninstallView(BrowserView):
    """Counts, the export, the documented choice, and the uninstall itself."""

    error = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("uninstall"):
            CheckAuthenticator(self.request)
            if self.uninstall():
                return ""
        return self.index()

    def counts(self) -> dict[str, int]:
        return uninstall.content_counts()

    def holds_content(self) -> bool:
        return any(self.counts().values())

    def export_is_current(self) -> bool:
        return uninstall.export_is_current(self.context)

    def uninstall(self) -> bool:
        mode = self.request.form.get("mode") or None
        if self.holds_content():
            if mode not in uninstall.MODES:
                self.error = _(
                    "error_choose_mode",
                    default="Choose what happens to the inquiries and knowledge.",
                )
                return False
            if not self.request.form.get("confirm"):
                self.error = _(
                    "error_confirm_uninstall",
                    default="Tick the box to confirm.",
                )
                return False
        else:
            mode = None
        messages = IStatusMessage(self.request)
        try:
            uninstall.run(self.context, mode)
        except uninstall.UninstallRefused as refused:
            self.error = str(refused)
            return False
        messages.addStatusMessage(
            _("msg_uninstalled", default="Service desk was uninstalled."),
            type="info",
        )
        self.request.response.redirect(
            f"{self.context.absolute_url()}/prefs_install_products_form"
        )
        return True
