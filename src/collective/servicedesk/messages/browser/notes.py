"""Internal notes on an inquiry: the viewlet listing them and the add view."""

from collective.servicedesk import _
from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.messages.notes import add_note
from collective.servicedesk.messages.notes import notes
from collective.servicedesk.notifications.recipients import display_name
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import NotFound

ADD_PERMISSION = "collective.servicedesk: Add internal note"


def is_inquiry(obj: object) -> bool:
    return getattr(obj, "portal_type", None) == "Inquiry"


def note_rows(obj: object) -> list[dict]:
    """Return the notes with author names and local times."""
    rows = notes(obj)
    for row in rows:
        row["author_name"] = display_name(row["author"])
        row["when"] = to_local(row["created"]).strftime("%d.%m.%Y %H:%M")
    return rows


class InternalNotesViewlet(ViewletBase):
    """Below the inquiry: staff-only notes and a form to add one."""

    index = ViewPageTemplateFile("notes_viewlet.pt")

    def render(self) -> str:
        return self.index() if is_inquiry(self.context) else ""

    def notes(self) -> list[dict]:
        return note_rows(self.context)

    def can_add(self) -> bool:
        return api.user.has_permission(ADD_PERMISSION, obj=self.context)


class AddInternalNoteView(BrowserView):
    """POST a note; on an empty text, show the form again with an error."""

    template = ViewPageTemplateFile("notes_add.pt")

    def __call__(self) -> str:
        if not is_inquiry(self.context):
            raise NotFound("add-internal-note")
        self.text = self.request.form.get("text", "")
        self.error = None
        if self.request.method == "POST" and self.request.form.get("form.buttons.add"):
            CheckAuthenticator(self.request)
            if self.text.strip():
                add_note(self.context, self.text)
                IStatusMessage(self.request).add(
                    _("msg_note_added", default="The internal note was added.")
                )
                return self.request.response.redirect(
                    self.context.absolute_url() + "#internal-notes"
                )
            self.error = _("error_note_required", default="Write the note first.")
        return self.template()
