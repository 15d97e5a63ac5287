"""Admin screen of the service ladder: titles per language, extra and retired levels."""

from collective.servicedesk import _
from collective.servicedesk.categories.language import LANGUAGES
from collective.servicedesk.categories.levels import get_service_level
from collective.servicedesk.categories.levels import list_service_levels
from collective.servicedesk.categories.levels import set_service_level
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate


class ServiceLevelsView(BrowserView):
    """Edit all levels in one form; add one new level at a time."""

    errors: dict

    def __call__(self):
        self.request.set("disable_border", True)
        self.errors = {}
        if self.request.method == "POST" and "form.buttons.save" in self.request.form:
            CheckAuthenticator(self.request)
            if self.save():
                api.portal.show_message(
                    _("msg_levels_saved", default="Service levels saved."), self.request
                )
                self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@{self.__name__}"
                )
                return ""
            api.portal.show_message(
                _("msg_levels_errors", default="Please correct the marked fields."),
                self.request,
                type="error",
            )
        return self.index()

    def save(self) -> bool:
        """Store the posted titles; return False (storing nothing) on errors."""
        form = self.request.form
        new_id = (form.get("new_id") or "").strip()
        new_titles = {code: form.get(f"new_{code}", "") for code in LANGUAGES}
        if new_id and get_service_level(new_id) is not None:
            self.errors["new_id"] = _(
                "error_level_exists", default="This level exists already."
            )
        elif new_id and (not new_id.isalnum() or len(new_id) > 20):
            self.errors["new_id"] = _(
                "error_level_id", default="Use up to 20 letters or digits, e.g. 7."
            )
        elif new_id and not any(t.strip() for t in new_titles.values()):
            self.errors["new_titles"] = _(
                "error_level_title", default="A new level needs a title."
            )
        elif not new_id and any(t.strip() for t in new_titles.values()):
            self.errors["new_id"] = _(
                "error_level_id_missing", default="Give the new level a number."
            )
        changes = []
        for level in list_service_levels(include_retired=True):
            titles = {code: form.get(f"{code}:{level['id']}", "") for code in LANGUAGES}
            if level["default"] is None and not any(t.strip() for t in titles.values()):
                self.errors[level["id"]] = _(
                    "error_level_title_empty", default="A level needs a title."
                )
            retired = bool(form.get(f"retired:{level['id']}"))
            changes.append((level["id"], titles, retired))
        if self.errors:
            return False
        for level_id, titles, retired in changes:
            set_service_level(level_id, titles, retired=retired)
        if new_id:
            set_service_level(new_id, new_titles)
        return True

    def rows(self) -> list[dict]:
        """Levels with the values to show (posted ones after an error)."""
        form = self.request.form if self.errors else {}
        rows = []
        for level in list_service_levels(include_retired=True):
            default = (
                translate(level["default"], context=self.request)
                if level["default"]
                else ""
            )
            values = {
                code: form.get(f"{code}:{level['id']}", level["titles"].get(code, ""))
                for code in LANGUAGES
            }
            retired = (
                bool(form.get(f"retired:{level['id']}")) if form else level["retired"]
            )
            rows.append(
                {
                    "id": level["id"],
                    "default": default,
                    "values": values,
                    "retired": retired,
                }
            )
        return rows

    def new_value(self, name: str) -> str:
        return self.request.form.get(name, "") if self.errors else ""
