"""The category catalogue screen: list, retire/restore and reorder."""

from collective.servicedesk import _
from collective.servicedesk.categories.language import current_language
from collective.servicedesk.categories.language import pick_title
from collective.servicedesk.categories.levels import get_service_level
from collective.servicedesk.categories.levels import level_title
from collective.servicedesk.categories.storage import get_category
from collective.servicedesk.categories.storage import list_categories
from collective.servicedesk.categories.storage import move_category
from collective.servicedesk.categories.storage import retire_category
from collective.servicedesk.principals import principal_title
from collective.servicedesk.settings import settings
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

ACTIONS = ("retire", "restore", "up", "down")


class CategoriesView(BrowserView):
    """List every category (retired ones greyed out) with its actions."""

    def __call__(self):
        self.request.set("disable_border", True)
        if self.request.method == "POST" and self.request.form.get("action"):
            return self.handle_action()
        return self.index()

    def handle_action(self):
        """Run one row action, then redirect (no re-post on reload)."""
        CheckAuthenticator(self.request)
        action = self.request.form.get("action")
        category_id = self.request.form.get("category", "")
        record = get_category(category_id)
        if action not in ACTIONS or record is None:
            api.portal.show_message(
                _("msg_category_unknown", default="Unknown category or action."),
                self.request,
                type="error",
            )
        elif action in ("retire", "restore"):
            retire_category(category_id, retired=action == "retire")
            message = (
                _(
                    "msg_category_retired",
                    default="Category retired: it is no longer offered for "
                    "new inquiries.",
                )
                if action == "retire"
                else _("msg_category_restored", default="Category offered again.")
            )
            api.portal.show_message(message, self.request)
        else:
            move_category(category_id, -1 if action == "up" else 1)
        self.request.response.redirect(
            f"{self.context.absolute_url()}/@@{self.__name__}"
        )
        return ""

    def rows(self) -> list[dict]:
        """The categories prepared for the table."""
        language = current_language()
        records = list_categories(include_retired=True)
        by_id = {record["id"]: record for record in records}
        default_hours = settings().desk.default_service_promise
        rows = []
        for record in records:
            level = get_service_level(record["service_level"])
            parent = by_id.get(record["parent"])
            rows.append(
                {
                    **record,
                    "label": pick_title(record["title"], language) or record["id"],
                    "level_title": level_title(level, language) if level else "",
                    "hours": record["promise_hours"] or default_hours,
                    "default_hours": not record["promise_hours"],
                    "unit_title": principal_title(f"group:{record['unit']}")
                    if record["unit"]
                    else "",
                    "parent_title": pick_title(parent["title"], language)
                    if parent
                    else "",
                }
            )
        return rows
