"""Turn catalog brains into table rows: metadata only, titles looked up once."""

from collective.servicedesk import PACKAGE_NAME as DOMAIN
from collective.servicedesk.deadlines import due_state
from collective.servicedesk.deadlines.labels import state_label
from collective.servicedesk.queues.queries import WAITING_STATES
from collective.servicedesk.routing import display as names
from DateTime import DateTime
from datetime import datetime
from plone import api
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


def as_datetime(value) -> datetime | None:
    """Return an aware datetime for a DateTime/datetime metadata value, else None."""
    if not value:
        return None
    if isinstance(value, DateTime):
        return value.asdatetime()
    if isinstance(value, datetime):
        return value
    return None


def vocabulary_titles(name: str, context) -> dict[str, str]:
    """Return {value: title} of a named vocabulary ({} if it is not registered)."""
    factory = queryUtility(IVocabularyFactory, name=name)
    if factory is None:
        return {}
    return {term.value: term.title or term.token for term in factory(context)}


class RowMaker:
    """Build display rows from brains, caching every title lookup."""

    def __init__(self, context, request):
        self.context = context
        self.request = request
        self.channels = vocabulary_titles("collective.servicedesk.Channels", context)
        self.categories = vocabulary_titles(
            "collective.servicedesk.Categories", context
        )
        self._principals: dict[str, str] = {}
        self._states: dict[str, str] = {}

    def principal(self, principal_id: str | None) -> str:
        """The full name of a user or the title of a group."""
        if not principal_id:
            return ""
        if principal_id not in self._principals:
            # Names kept for a minute across requests (routing.display): asking
            # PAS for every distinct unit and handler was a quarter of a queue
            # page (profiled in-process; issue 19).
            title = names.group_title(principal_id)
            if title == principal_id:
                title = names.user_fullname(principal_id)
            self._principals[principal_id] = title
        return self._principals[principal_id]

    def state(self, state_id: str) -> str:
        """The translated title of a workflow state."""
        if state_id not in self._states:
            workflow = api.portal.get_tool("portal_workflow")
            title = workflow.getTitleForStateOnType(state_id, "Inquiry") or state_id
            # Our workflow titles are in our domain; fall back to Plone's for its own.
            translated = translate(title, domain=DOMAIN, context=self.request)
            if translated == title:
                translated = translate(title, domain="plone", context=self.request)
            self._states[state_id] = translated
        return self._states[state_id]

    def row(self, brain, now: datetime | None = None) -> dict:
        """One table row from one brain."""
        due = as_datetime(getattr(brain, "due_date", None))
        state = due_state(due, now) if brain.review_state in WAITING_STATES else "none"
        channel = getattr(brain, "inquiry_channel", None) or ""
        category = getattr(brain, "inquiry_category", None) or ""
        return {
            "url": brain.getURL(),
            "uid": brain.UID,
            "reference": getattr(brain, "reference_number", None) or "",
            "title": brain.Title,
            "channel": self.channels.get(channel, channel),
            "category": self.categories.get(category, category),
            "state_id": brain.review_state,
            "state": self.state(brain.review_state),
            "unit": self.principal(getattr(brain, "responsible_unit", None)),
            "handler": self.principal(getattr(brain, "responsible_handler", None)),
            "due": due,
            "due_state": state,
            "due_label": state_label(state),
            "created": brain.created,
            "confidential": bool(getattr(brain, "confidential", False)),
        }
