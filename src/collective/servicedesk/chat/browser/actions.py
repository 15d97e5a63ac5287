"""Settings for the chat page's "Make an inquiry" and "Save as knowledge" buttons."""

from collective.servicedesk import _
from plone import api
from plone.protect.authenticator import createToken
from zope.i18n import translate

ADD_INQUIRY = "collective.servicedesk: Add Inquiry"
ADD_KNOWLEDGE = "collective.servicedesk: Add ExperienceDocument"

LABELS = {
    "conversation": _("chat_action_conversation", default="Conversation"),
    "none": _("chat_action_none", default="Open a conversation first."),
    "title": _("chat_action_title", default="Title"),
    "inquiry": _("chat_action_inquiry", default="Make an inquiry"),
    "knowledge": _("chat_action_knowledge", default="Save as knowledge"),
    "empty": _("chat_action_empty", default="The conversation has no messages yet."),
    "working": _("chat_action_working", default="Saving…"),
    "inquiry_done": _(
        "chat_action_inquiry_done",
        default="Inquiry ${reference} registered. Give the citizen this follow-up "
        "code: ${code}",
    ),
    "knowledge_done": _(
        "chat_action_knowledge_done",
        default="Saved as a draft experience document: ${title}",
    ),
    "failed": _(
        "chat_action_failed", default="Could not save the conversation. Try again."
    ),
}


def action_config(request) -> dict | None:
    """URLs, the CSRF token and translated labels; None without either permission."""
    portal = api.portal.get()
    can_inquiry = api.user.has_permission(ADD_INQUIRY, obj=portal)
    can_knowledge = api.user.has_permission(ADD_KNOWLEDGE, obj=portal)
    if not (can_inquiry or can_knowledge):
        return None
    url = portal.absolute_url()
    return {
        "inquiry_url": f"{url}/@chat-inquiry" if can_inquiry else "",
        "knowledge_url": f"{url}/@chat-knowledge" if can_knowledge else "",
        "token": createToken(),
        "labels": {
            key: translate(label, context=request) for key, label in LABELS.items()
        },
    }
