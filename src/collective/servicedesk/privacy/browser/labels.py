"""Titles of channels, categories and states for privacy reports."""

from collective.servicedesk import _
from collective.servicedesk.categories import get_category
from collective.servicedesk.categories.language import pick_title
from plone import api
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory


class Labels:
    """Look up titles once per page (reports list many rows)."""

    def __init__(self, context: object) -> None:
        factory = queryUtility(IVocabularyFactory, "collective.servicedesk.Channels")
        self.channels = factory(context) if factory else None
        workflow = api.portal.get_tool("portal_workflow").getWorkflowById(
            "servicedesk_inquiry_workflow"
        )
        self.states = workflow.states if workflow is not None else {}
        self._categories: dict = {}

    def channel(self, value: str | None) -> str:
        """Return the channel's title."""
        if not value or self.channels is None:
            return value or ""
        try:
            return self.channels.getTerm(value).title or value
        except LookupError:
            return value

    def state(self, value: str | None) -> str:
        """Return the state's translatable title."""
        state = self.states.get(value) if value else None
        return _(state.title) if state is not None else value or ""

    def category(self, value: str | None) -> str:
        """Return the category's title in the current language."""
        if not value:
            return ""
        if value not in self._categories:
            record = get_category(value)
            self._categories[value] = pick_title(record["title"]) if record else value
        return self._categories[value]
