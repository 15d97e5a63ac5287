"""Translated titles of facet values (types, states, categories, audiences, dates)."""

from collective.servicedesk import _
from collective.servicedesk.categories.storage import category_title
from collective.servicedesk.search.facets import DATE_BUCKETS
from collective.servicedesk.vocabularies.knowledge_choices import AUDIENCES
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory

_plone = MessageFactory("plone")


def _translate(msg) -> str:
    return translate(msg, context=getRequest())


def _state_title(state: str) -> str:
    workflow = api.portal.get_tool("portal_workflow")
    for wf in workflow.objectValues():
        states = getattr(wf, "states", None)
        if states is not None and state in states.objectIds():
            title = states[state].title or state
            # Our workflows' titles are in our domain; Plone's own states in "plone".
            translated = _translate(_(title))
            return translated if translated != title else _translate(_plone(title))
    return state


def facet_value_title(facet: str, value: str) -> str:
    """Human title of one facet value in the request language."""
    if facet == "category":
        return category_title(value)
    if facet == "portal_type":
        fti = api.portal.get_tool("portal_types").get(value)
        return _translate(fti.Title()) if fti is not None else value
    if facet == "audience":
        return _translate(dict(AUDIENCES).get(value, value))
    if facet == "review_state":
        return _state_title(value)
    if facet == "date":
        for key, _days, title in DATE_BUCKETS:
            if key == value:
                return _translate(title)
    return value
