"""Team leads and site administrators manage the reply macros on one page."""

from collective.servicedesk import _
from collective.servicedesk.localtime import format_local
from collective.servicedesk.macros.fill import PLACEHOLDERS
from collective.servicedesk.macros.storage import MAX_TEXT
from collective.servicedesk.macros.storage import MAX_TITLE
from collective.servicedesk.macros.storage import MacroError
from collective.servicedesk.macros.storage import delete_macro
from collective.servicedesk.macros.storage import get_macro
from collective.servicedesk.macros.storage import save_macro
from collective.servicedesk.macros.storage import search_macros
from collective.servicedesk.principals import user_title
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest


class ManageMacrosView(BrowserView):
    """The list of macros and an add/edit form; every POST checks the token."""

    errors: dict
    values: dict

    def __call__(self):
        self.errors = {}
        self.values = {"id": "", "title": "", "text": ""}
        form = self.request.form
        editing = get_macro(form.get("edit"))
        if editing:
            self.values.update(editing)
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if "form.buttons.delete" in form:
                delete_macro(self.field("id"))
                api.portal.show_message(
                    _("msg_macro_deleted", default="Macro deleted."),
                    request=self.request,
                )
                return self.request.response.redirect(self.url())
            if "form.buttons.save" in form and self.save():
                return self.request.response.redirect(self.url())
        return self.index()

    def field(self, name: str) -> str:
        value = self.request.form.get(name, "")
        if not isinstance(value, str):
            raise BadRequest(name)
        return value

    def url(self) -> str:
        """The address of this page."""
        return f"{self.context.absolute_url()}/@@servicedesk-reply-macros"

    def save(self) -> bool:
        """Store the macro; on an error keep what was typed and say why."""
        macro_id = self.field("id")
        self.values.update(
            id=macro_id, title=self.field("title"), text=self.field("text")
        )
        try:
            save_macro(
                self.values["title"], self.values["text"], macro_id=macro_id or None
            )
        except MacroError as error:
            self.errors[error.field or "text"] = error.message
            return False
        api.portal.show_message(
            _("msg_macro_saved", default="Macro saved."), request=self.request
        )
        return True

    def macros(self) -> list[dict]:
        """Every macro, by title, with who changed it last and when (local time)."""
        return [
            {
                **macro,
                "modified_local": format_local(macro["modified"]),
                "modified_by_title": user_title(macro["modified_by"]),
            }
            for macro in search_macros(limit=None)
        ]

    def placeholders(self) -> str:
        return ", ".join("{" + name + "}" for name in PLACEHOLDERS)

    def limits(self) -> dict:
        return {"title": MAX_TITLE, "text": MAX_TEXT}
