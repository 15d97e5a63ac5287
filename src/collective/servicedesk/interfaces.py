"""Marker interfaces of collective.servicedesk."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IServiceDeskLayer(IDefaultBrowserLayer):
    """Browser layer: everything user-facing is registered on it."""
