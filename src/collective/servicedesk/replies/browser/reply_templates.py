"""Editors manage the reply templates: list, add, edit, delete."""

from collective.servicedesk import _
from collective.servicedesk.replies.browser.reply import CHANNEL_LABELS
from collective.servicedesk.replies.placeholders import PLACEHOLDERS
from collective.servicedesk.replies.placeholders import braced
from collective.servicedesk.replies.placeholders import unknown
from collective.servicedesk.replies.storage import CHANNELS
from collective.servicedesk.replies.templates import delete_template
from collective.servicedesk.replies.templates import get_template
from collective.servicedesk.replies.templates import list_templates
from collective.servicedesk.replies.templates import save_template
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView


class ReplyTemplatesView(BrowserView):
    """The template list and an add/edit form on one page."""

    errors: dict
    values: dict

    def __call__(self):
        self.errors = {}
        self.values = {"id": "", "title": "", "subject": "", "text": "", "channels": []}
        form = self.request.form
        editing = get_template(form.get("edit"))
        if editing:
            self.values.update(editing)
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if "form.buttons.delete" in form:
                delete_template(form.get("id", ""))
                api.portal.show_message(
                    _("reply_template_deleted", default="Template deleted."),
                    request=self.request,
                )
                return self.request.response.redirect(self.url())
            if "form.buttons.save" in form and self.save(form):
                return self.request.response.redirect(self.url())
        return self.index()

    def url(self) -> str:
        """Return the address of this page."""
        return f"{self.context.absolute_url()}/@@servicedesk-reply-templates"

    def save(self, form: dict) -> bool:
        """Validate and store the template; keep the typed values on errors."""
        channels = form.get("channels", [])
        channels = [channels] if isinstance(channels, str) else list(channels)
        self.values.update(
            id=form.get("id", ""),
            title=form.get("title", ""),
            subject=form.get("subject", ""),
            text=form.get("text", ""),
            channels=channels,
        )
        if not self.values["title"].strip():
            self.errors["title"] = _(
                "error_template_title", default="Give the template a title."
            )
        if not self.values["text"].strip():
            self.errors["text"] = _(
                "error_template_text", default="Write the text of the template."
            )
        if self.errors:
            return False
        template_id = self.values["id"] if get_template(self.values["id"]) else None
        save_template(
            self.values["title"],
            self.values["text"],
            subject=self.values["subject"],
            channels=[c for c in channels if c in CHANNELS],
            template_id=template_id,
        )
        strange = unknown(self.values["subject"] + "\n" + self.values["text"])
        if strange:
            # Saved all the same: the reply form shows unknown placeholders as typed.
            message = _(
                "reply_template_saved_unknown",
                default="Template saved. Unknown placeholders stay as typed: ${names}.",
                mapping={"names": braced(strange)},
            )
            api.portal.show_message(message, request=self.request, type="warning")
        else:
            api.portal.show_message(
                _("reply_template_saved", default="Template saved."),
                request=self.request,
            )
        return True

    def templates(self) -> list[dict]:
        """Return the templates with their channel labels."""
        rows = []
        for template in list_templates():
            labels = [CHANNEL_LABELS[c] for c in template["channels"]]
            rows.append({**template, "channel_labels": labels})
        return rows

    def channels(self) -> list[dict]:
        """Return the channels for the check boxes."""
        return [
            {
                "id": c,
                "title": CHANNEL_LABELS[c],
                "checked": c in self.values["channels"],
            }
            for c in CHANNELS
        ]

    def placeholders(self) -> str:
        """Return the known placeholders as text."""
        return braced(PLACEHOLDERS)
