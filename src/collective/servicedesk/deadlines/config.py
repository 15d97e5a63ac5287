"""Read the follow-up settings from the registry, with safe defaults outside a site."""

from typing import Any
from zope.component import queryUtility
from zope.component.hooks import getSite

PREFIX = "collective.servicedesk."


def setting(name: str, default: Any = None) -> Any:
    """Return the registry record `collective.servicedesk.<name>` or `default`."""
    if getSite() is None:
        return default
    from plone.registry.interfaces import IRegistry

    registry = queryUtility(IRegistry)
    if registry is None:
        return default
    value = registry.get(PREFIX + name, None)
    return default if value is None else value
