"""@@send-message: write to a colleague or a group (their message boxes + e-mail)."""

from collective.servicedesk import _
from collective.servicedesk.messages.send import send_message
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
import re

MAX_SUGGESTIONS = 300


def split_ids(value: str) -> list[str]:
    """Return the ids typed as "kari, servicedesk-building" (commas or spaces)."""
    return [part for part in re.split(r"[\s,;]+", value or "") if part]


def is_principal(principal_id: str) -> bool:
    return (
        api.user.get(userid=principal_id) is not None
        or api.group.get(groupname=principal_id) is not None
    )


class SendMessageView(BrowserView):
    """The form; errors keep what was typed."""

    template = ViewPageTemplateFile("send.pt")

    def __call__(self) -> str:
        form = self.request.form
        self.errors: dict = {}
        self.values = {
            "recipients": form.get("recipients", form.get("to", "")),
            "subject": form.get("subject", ""),
            "text": form.get("text", ""),
        }
        if self.request.method == "POST" and form.get("form.buttons.send"):
            CheckAuthenticator(self.request)
            if self.validate():
                sent = send_message(
                    split_ids(self.values["recipients"]),
                    self.values["subject"].strip(),
                    self.values["text"].strip(),
                )
                IStatusMessage(self.request).add(
                    _(
                        "msg_message_sent",
                        default="The message was sent to ${count} people.",
                        mapping={"count": len(sent)},
                    )
                )
                return self.request.response.redirect(
                    self.context.absolute_url() + "/@@message-box"
                )
        return self.template()

    def validate(self) -> bool:
        """Fill self.errors; return True if the message can be sent."""
        ids = split_ids(self.values["recipients"])
        unknown = [
            principal_id for principal_id in ids if not is_principal(principal_id)
        ]
        if not ids:
            self.errors["recipients"] = _(
                "error_recipients_required",
                default="Choose at least one person or group.",
            )
        elif unknown:
            self.errors["recipients"] = _(
                "error_unknown_recipients",
                default="No person or group is called: ${ids}",
                mapping={"ids": ", ".join(unknown)},
            )
        if not self.values["subject"].strip():
            self.errors["subject"] = _(
                "error_subject_required", default="Write a subject."
            )
        if not self.values["text"].strip():
            self.errors["text"] = _("error_text_required", default="Write a message.")
        return not self.errors

    def suggestions(self) -> list[dict]:
        """Return groups and people for the recipient field's suggestions."""
        result = [
            {
                "id": group.getId(),
                "title": group.getProperty("title", "") or group.getId(),
            }
            for group in api.group.get_groups()
            if group.getId() not in ("AuthenticatedUsers",)
        ]
        for user in api.user.get_users()[:MAX_SUGGESTIONS]:
            result.append(
                {
                    "id": user.getId(),
                    "title": user.getProperty("fullname", "") or user.getId(),
                }
            )
        return result
