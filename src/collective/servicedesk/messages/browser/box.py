"""@@message-box: the current user's notices and messages (read/unread, status)."""

from collective.servicedesk import _
from collective.servicedesk.links import rebase
from collective.servicedesk.localtime import format_local
from collective.servicedesk.messages import box
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from urllib.parse import urlencode

STATUS_LABELS = {
    "new": _("message_status_new", default="New"),
    "in_progress": _("message_status_in_progress", default="In progress"),
    "done": _("message_status_done", default="Done"),
}


class MessageBoxView(BrowserView):
    """List, search and act on the entries; every change is a POST."""

    template = ViewPageTemplateFile("box.pt")

    def __call__(self) -> str:
        self.user_id = api.user.get_current().getId()
        form = self.request.form
        if self.request.method == "POST" and (
            form.get("action") or form.get("open") or form.get("set_status")
        ):
            CheckAuthenticator(self.request)
            target = self.act(form.get("action", ""))
            return self.request.response.redirect(target or self.back_url())
        return self.template()

    def _ids(self) -> list[str]:
        ids = self.request.form.get("ids", [])
        return [ids] if isinstance(ids, str) else list(ids)

    def act(self, action: str) -> str | None:
        """Perform an action; return a URL to go to instead of the box, if any."""
        form = self.request.form
        messages = IStatusMessage(self.request)
        if form.get("open"):
            entry = box.get_entry(self.user_id, form["open"])
            if entry is not None:
                box.mark_read(self.user_id, [entry["id"]])
                return rebase(entry.get("url")) or None
        elif form.get("set_status"):
            row = form["set_status"]
            entry_id = form.get(f"entry_{row}", "")
            status = form.get(f"status_{row}")
            if status in box.STATUSES:
                box.set_status(self.user_id, entry_id, status)
                messages.add(_("msg_message_status_set", default="Status changed."))
        elif action in ("read", "unread"):
            count = box.mark_read(self.user_id, self._ids(), read=action == "read")
            messages.add(
                _(
                    "msg_messages_marked",
                    default="${count} marked.",
                    mapping={"count": count},
                )
            )
        elif action == "delete":
            count = box.delete(self.user_id, self._ids())
            messages.add(
                _(
                    "msg_messages_deleted",
                    default="${count} deleted.",
                    mapping={"count": count},
                )
            )
        return None

    def back_url(self) -> str:
        """The box with the current search and filter kept."""
        query = {
            name: self.request.form[name]
            for name in ("q", "show", "status_filter")
            if self.request.form.get(name)
        }
        url = self.context.absolute_url() + "/@@message-box"
        return f"{url}?{urlencode(query)}" if query else url

    def entries(self) -> list[dict]:
        """Return the entries matching the search, with display values."""
        form = self.request.form
        rows = box.entries(
            self.user_id,
            text=form.get("q", ""),
            unread_only=form.get("show") == "unread",
            status=form.get("status_filter") or None,
        )
        for row in rows:
            row["when"] = format_local(row["created"])
            row["status_label"] = STATUS_LABELS.get(row["status"], row["status"])
        return rows

    def unread(self) -> int:
        return box.unread_count(self.user_id)

    def statuses(self) -> list[dict]:
        return [{"id": key, "title": label} for key, label in STATUS_LABELS.items()]

    def can_send(self) -> bool:
        return api.user.has_permission(
            "collective.servicedesk: Send messages", obj=self.context
        )
