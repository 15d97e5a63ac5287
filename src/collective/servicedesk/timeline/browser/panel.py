"""The inquiry workspace: quick actions, one timeline with filters, the composer."""

from collective.servicedesk import _
from collective.servicedesk.deadlines.pause import is_waiting
from collective.servicedesk.replies.storage import CHANNELS
from collective.servicedesk.replies.templates import list_templates
from collective.servicedesk.timeline.actions import available_transitions
from collective.servicedesk.timeline.browser.compose import ADD_NOTE
from collective.servicedesk.timeline.browser.compose import REPLY
from collective.servicedesk.timeline.browser.compose import reply_defaults
from collective.servicedesk.timeline.browser.state import get_state
from collective.servicedesk.timeline.entries import AUDIENCES
from collective.servicedesk.timeline.entries import for_display
from collective.servicedesk.timeline.entries import timeline
from collective.servicedesk.timeline.labels import CHANNEL_LABELS
from collective.servicedesk.timeline.people import people_choices
from collective.servicedesk.timeline.people import unit_choices
from functools import cached_property
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

FILTERS = (
    ("all", _("timeline_filter_all", default="All")),
    ("citizen", _("timeline_filter_citizen", default="To the citizen")),
    ("internal", _("timeline_filter_internal", default="Internal")),
)


class WorkspacePanel(BrowserView):
    """Rendered inside the inquiry view; reads only (no writes on GET)."""

    @cached_property
    def audience(self) -> str:
        value = self.request.form.get("timeline", "all")
        return value if value in AUDIENCES else "all"

    def items(self) -> list[dict]:
        return for_display(timeline(self.context, self.audience))

    def filters(self) -> list[dict]:
        base = self.context.absolute_url()
        return [
            {
                "id": key,
                "title": title,
                "url": f"{base}?timeline={key}#timeline",
                "active": key == self.audience,
            }
            for key, title in FILTERS
        ]

    def letter_url(self, item: dict) -> str:
        return f"{self.context.absolute_url()}/@@reply-letter?id={item['reply_id']}"

    # Permissions (managed by the inquiry workflow).
    @cached_property
    def can_reply(self) -> bool:
        return api.user.has_permission(REPLY, obj=self.context)

    @cached_property
    def can_note(self) -> bool:
        return api.user.has_permission(ADD_NOTE, obj=self.context)

    @cached_property
    def can_manage_macros(self) -> bool:
        return api.user.has_permission(
            "collective.servicedesk: Manage reply macros", obj=self.context
        )

    @cached_property
    def can_modify(self) -> bool:
        return api.user.has_permission("Modify portal content", obj=self.context)

    @cached_property
    def transitions(self) -> set[str]:
        return available_transitions(self.context)

    def can_close(self) -> bool:
        return "close" in self.transitions

    def is_mine(self) -> bool:
        return self.context.responsible_handler == api.user.get_current().getId()

    def waiting(self) -> bool:
        return is_waiting(self.context)

    # The composer.
    @cached_property
    def reply_state(self) -> tuple[dict, dict]:
        values, errors = get_state(self.request, "reply")
        return {**reply_defaults(self.context), **values}, errors

    @property
    def reply(self) -> dict:
        return self.reply_state[0]

    def reply_error(self, name: str):
        return self.reply_state[1].get(name)

    def channels(self) -> list[dict]:
        return [{"id": c, "title": CHANNEL_LABELS[c]} for c in CHANNELS]

    def templates(self) -> list[dict]:
        return list_templates()

    @cached_property
    def note_state(self) -> tuple[dict, dict]:
        return get_state(self.request, "note")

    def note_text(self) -> str:
        return self.note_state[0].get("note_text", "")

    def note_error(self):
        return self.note_state[1].get("note_text")

    # Forwarding.
    @cached_property
    def forward_state(self) -> tuple[dict, dict]:
        return get_state(self.request, "forward")

    def forward_error(self, name: str):
        return self.forward_state[1].get(name)

    def forward_value(self, name: str) -> str:
        return self.forward_state[0].get(name, "")

    def action_error(self):
        """An error of take, wait, resume, remind or close."""
        for action in ("take", "wait", "resume", "remind", "close"):
            errors = get_state(self.request, action)[1]
            if errors:
                return next(iter(errors.values()))
        return None

    def people(self) -> list[dict]:
        return people_choices(self.context, self.forward_value("handler") or None)

    def units(self) -> list[dict]:
        return unit_choices(self.context, self.forward_value("unit") or None)

    def suggestion(self) -> str:
        """The routing suggestion (absent people skipped), or "" without a category."""
        category = getattr(self.context, "category", None)
        if not category:
            return ""
        from collective.servicedesk.routing import suggest

        exclude = {self.context.responsible_handler} - {None}
        result = suggest(category, exclude=exclude)
        return translate(result.reason, context=self.request)
