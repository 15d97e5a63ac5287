"""POST @@timeline-compose: reply to the citizen (replying is answering) or add a note.

On an error the inquiry page is shown again with every value the user chose.
"""

from collective.servicedesk import _
from collective.servicedesk.messages.notes import add_note
from collective.servicedesk.replies.api import ReplyError
from collective.servicedesk.replies.placeholders import PATTERN
from collective.servicedesk.replies.placeholders import braced
from collective.servicedesk.replies.placeholders import fill
from collective.servicedesk.replies.storage import CHANNELS
from collective.servicedesk.replies.templates import get_template
from collective.servicedesk.replies.values import placeholder_values
from collective.servicedesk.timeline.answer import filled_values
from collective.servicedesk.timeline.answer import reply_and_answer
from collective.servicedesk.timeline.browser.state import set_state
from collective.servicedesk.timeline.mentions import notify_mentions
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zExceptions import Forbidden

REPLY = "collective.servicedesk: Reply to citizen"
ADD_NOTE = "collective.servicedesk: Add internal note"
MAX_TEXT = 20000
FIELDS = (
    "channel",
    "template_id",
    "recipient_email",
    "recipient_phone",
    "recipient_name",
    "recipient_address",
    "subject",
    "text",
    "keep_open",
)


def reply_defaults(inquiry) -> dict:
    """Initial composer values taken from the inquiry."""
    channel = getattr(inquiry, "reply_channel", None)
    return {
        "channel": channel if channel in CHANNELS else "email",
        "template_id": "",
        "recipient_email": getattr(inquiry, "requester_email", None) or "",
        "recipient_phone": getattr(inquiry, "requester_phone", None) or "",
        "recipient_name": getattr(inquiry, "requester_name", None) or "",
        "recipient_address": "",
        "subject": "",
        "text": "",
        "keep_open": "",
    }


def empty_placeholders(text: str, values: dict) -> list[str]:
    """Placeholders in ``text`` that would render empty for this inquiry."""
    return sorted(
        {name for name in PATTERN.findall(text or "") if values.get(name) == ""}
    )


def apply_template(inquiry, values: dict, errors: dict) -> None:
    """Fill the template into subject and text; empty placeholders stay visible."""
    template = get_template(values.get("template_id", ""))
    if template is None:
        errors["template_id"] = _("error_reply_template", default="Choose a template.")
        return
    known = placeholder_values(inquiry)
    filled = {key: value for key, value in known.items() if value != ""}
    values["subject"] = fill(template["subject"], filled)
    values["text"] = fill(template["text"], filled)
    empty = empty_placeholders(template["subject"] + template["text"], known)
    if empty:
        errors["text"] = _(
            "error_template_empty_placeholders",
            default="This inquiry has no value for ${names}: write it in by hand "
            "before sending.",
            mapping={"names": braced(empty)},
        )
    if template["channels"] and values["channel"] not in template["channels"]:
        values["channel"] = template["channels"][0]


class ComposeView(BrowserView):
    """Handle the composer under the timeline."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        if not api.user.has_permission("View", obj=self.context):
            raise Forbidden("You cannot see this inquiry.")
        form = self.request.form
        if "form.buttons.note" in form:
            return self.note()
        if not api.user.has_permission(REPLY, obj=self.context):
            raise Forbidden("You may not reply to the citizen.")
        values = reply_defaults(self.context)
        for name in FIELDS:
            value = form.get(name, "")
            if not isinstance(value, str):
                raise BadRequest(name)
            values[name] = value
        if any(len(value) > MAX_TEXT for value in values.values()):
            return self.failed(
                "reply",
                values,
                {"text": _("error_text_too_long", default="The text is too long.")},
            )
        errors: dict = {}
        if "form.buttons.apply" in form:
            apply_template(self.context, values, errors)
            return self.failed("reply", values, errors)
        close = "form.buttons.send_close" in form
        return self.send(values, close)

    def failed(self, form: str, values: dict, errors: dict):
        """Show the inquiry page again with the values and errors."""
        set_state(self.request, form, values, errors)
        view = self.context.restrictedTraverse("@@view")
        return view()

    def send(self, values: dict, close: bool):
        inquiry = self.context
        text = fill(values["text"], filled_values(inquiry))
        left = sorted(set(PATTERN.findall(text)))
        if left:
            values["text"] = text
            message = _(
                "error_reply_placeholders",
                default="Replace the placeholders ${names} before sending.",
                mapping={"names": braced(left)},
            )
            return self.failed("reply", values, {"text": message})
        channel = values["channel"]
        recipient = {
            "email": values["recipient_email"],
            "sms": values["recipient_phone"],
        }
        try:
            result = reply_and_answer(
                inquiry,
                channel,
                text,
                keep_open=bool(values["keep_open"]) and not close,
                close=close,
                subject=fill(values["subject"], filled_values(inquiry)),
                recipient=recipient.get(channel, ""),
                recipient_name=values["recipient_name"],
                recipient_address=values["recipient_address"],
                template_id=values["template_id"],
            )
        except ReplyError as error:
            field = {
                "recipient": f"recipient_{'phone' if channel == 'sms' else 'email'}"
            }
            name = field.get(error.field, error.field or "text")
            return self.failed("reply", values, {name: error.message})
        if result["closed"]:
            message = _(
                "msg_replied_closed",
                default="The reply is sent and the inquiry closed.",
            )
        elif result["answered"]:
            message = _(
                "msg_replied_answered",
                default="The reply is sent and the inquiry answered.",
            )
        else:
            message = _("msg_replied", default="The reply is sent.")
        api.portal.show_message(message, request=self.request)
        return self.request.response.redirect(inquiry.absolute_url() + "#timeline")

    def note(self):
        if not api.user.has_permission(ADD_NOTE, obj=self.context):
            raise Forbidden("You may not add internal notes.")
        text = self.request.form.get("note_text", "")
        if not isinstance(text, str):
            raise BadRequest("note_text")
        if len(text) > MAX_TEXT:
            error = _("error_text_too_long", default="The text is too long.")
            return self.failed("note", {"note_text": text}, {"note_text": error})
        if not text.strip():
            error = _("error_note_required", default="Write the note first.")
            return self.failed("note", {"note_text": text}, {"note_text": error})
        add_note(self.context, text)
        notify_mentions(self.context, text)
        api.portal.show_message(
            _("msg_note_added", default="The internal note was added."),
            request=self.request,
        )
        return self.request.response.redirect(self.context.absolute_url() + "#timeline")
