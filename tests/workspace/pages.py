"""Render viewlet managers of a page the way main_template does."""

from zope.component import queryMultiAdapter
from zope.viewlet.interfaces import IViewletManager

MANAGERS = (
    "plone.portalheader",
    "plone.abovecontent",
    "plone.belowcontent",
    "plone.portalfooter",
)


def render(portal, request, manager: str = "plone.portalheader", context=None) -> str:
    """The HTML of one viewlet manager on the context's default view."""
    context = context or portal
    view = context.restrictedTraverse("@@view")
    found = queryMultiAdapter((context, request, view), IViewletManager, manager)
    found.update()
    return found.render()


def render_all(portal, request, context=None) -> dict[str, str]:
    """{manager name: HTML} of every manager a panel may appear in."""
    return {name: render(portal, request, name, context) for name in MANAGERS}
