"""The reply form on an inquiry: choose channel and template, edit, send."""

from collective.servicedesk import _
from collective.servicedesk.replies.api import ReplyError
from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.replies.placeholders import PATTERN
from collective.servicedesk.replies.placeholders import braced
from collective.servicedesk.replies.placeholders import fill
from collective.servicedesk.replies.storage import CHANNELS
from collective.servicedesk.replies.templates import get_template
from collective.servicedesk.replies.templates import list_templates
from collective.servicedesk.replies.values import placeholder_values
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Forbidden

CHANNEL_LABELS = {
    "email": _("reply_channel_email", default="E-mail"),
    "letter": _("reply_channel_letter", default="Letter (PDF)"),
    "sms": _("reply_channel_sms", default="SMS"),
}
FIELDS = (
    "channel",
    "template_id",
    "recipient_email",
    "recipient_phone",
    "recipient_name",
    "recipient_address",
    "subject",
    "text",
)


class ReplyForm(BrowserView):
    """Write and send a public reply to the citizen."""

    errors: dict
    values: dict

    def __call__(self):
        self.errors = {}
        self.values = self.defaults()
        form = self.request.form
        # Replying shows the requester's data: only for those who may see it.
        if not api.user.has_permission("View", obj=self.context):
            raise Forbidden("You cannot see this inquiry.")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.values.update({name: form.get(name, "") for name in FIELDS})
            if "form.buttons.cancel" in form:
                return self.request.response.redirect(self.context.absolute_url())
            if "form.buttons.apply" in form:
                self.apply_template()
            elif "form.buttons.send" in form and self.send():
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def defaults(self) -> dict:
        """Return the initial values taken from the inquiry."""
        context = self.context
        channel = getattr(context, "reply_channel", None)
        return {
            "channel": channel if channel in CHANNELS else "email",
            "template_id": "",
            "recipient_email": getattr(context, "requester_email", None) or "",
            "recipient_phone": getattr(context, "requester_phone", None) or "",
            "recipient_name": getattr(context, "requester_name", None) or "",
            "recipient_address": "",
            "subject": "",
            "text": "",
        }

    def channels(self) -> list[dict]:
        """Return the channels for the radio buttons."""
        return [
            {"id": channel, "title": CHANNEL_LABELS[channel]} for channel in CHANNELS
        ]

    def templates(self) -> list[dict]:
        """Return the reply templates for the select list."""
        return list_templates()

    def apply_template(self) -> None:
        """Put the chosen template, filled in, into subject and text."""
        template = get_template(self.values["template_id"])
        if template is None:
            self.errors["template_id"] = _(
                "error_reply_template", default="Choose a template."
            )
            return
        values = placeholder_values(self.context)
        self.values["subject"] = fill(template["subject"], values)
        self.values["text"] = fill(template["text"], values)
        if template["channels"] and self.values["channel"] not in template["channels"]:
            self.values["channel"] = template["channels"][0]

    def send(self) -> bool:
        """Send the reply; on bad input set ``errors`` and return False."""
        values = self.values
        text = fill(values["text"], placeholder_values(self.context))
        left = sorted(set(PATTERN.findall(text)))
        if left:
            self.values["text"] = text
            self.errors["text"] = _(
                "error_reply_placeholders",
                default="Replace the placeholders ${names} before sending.",
                mapping={"names": braced(left)},
            )
            return False
        channel = values["channel"]
        recipient = {
            "email": values["recipient_email"],
            "sms": values["recipient_phone"],
        }
        try:
            send_reply(
                self.context,
                channel,
                text,
                subject=fill(values["subject"], placeholder_values(self.context)),
                recipient=recipient.get(channel, ""),
                recipient_name=values["recipient_name"],
                recipient_address=values["recipient_address"],
                template_id=values["template_id"],
            )
        except ReplyError as error:
            field = {
                "recipient": f"recipient_{'phone' if channel == 'sms' else 'email'}"
            }
            self.errors[field.get(error.field, error.field or "text")] = error.message
            return False
        messages = {
            "email": _("reply_sent_email", default="The e-mail is being sent."),
            "sms": _("reply_sent_sms", default="The SMS is being sent."),
            "letter": _(
                "reply_sent_letter",
                default="The letter is ready: download and print it below.",
            ),
        }
        api.portal.show_message(messages[channel], request=self.request)
        return True

    def error(self, name: str):
        """Return the error message of a field, or None."""
        return self.errors.get(name)
