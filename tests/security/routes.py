"""Every route the component registry offers on an inquiry (and the desk).

Nothing here is a hand-written list: browser views and plone.rest services are
read from the registrations, so a view or service added later is tested
without anybody remembering to add it.
"""

from collective.servicedesk.interfaces import IServiceDeskLayer
from plone.rest.negotiation import _services
from zope.component import getGlobalSiteManager
from zope.interface import Interface
from zope.interface import alsoProvides
from zope.interface import providedBy
from zope.publisher.browser import TestRequest
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.publisher.interfaces.browser import IDefaultBrowserLayer

OURS = "collective/servicedesk/"
# plone.rest names a service "<METHOD>_<media type>_<name>"; CORS preflight
# handlers ("OPTIONS") are no services of ours.
METHODS = ("GET", "POST", "PATCH", "PUT", "DELETE")


def _service_prefixes() -> dict[str, str]:
    """plone.rest's registered "<METHOD>_<type>_" prefixes -> method."""
    prefixes = {}
    for method, types in _services.items():
        for subtypes in types.values():
            for service_id in subtypes.values():
                prefixes[service_id] = method
    return prefixes


def _request_interfaces(layers=()) -> object:
    request = TestRequest()
    alsoProvides(request, IDefaultBrowserLayer, IServiceDeskLayer, *layers)
    return providedBy(request)


def _registries(registry=None, seen=None) -> list:
    """The global registry and its bases (plone.testing stacks one per layer)."""
    registry = registry if registry is not None else getGlobalSiteManager()
    seen = seen if seen is not None else []
    if registry not in seen:
        seen.append(registry)
        for base in getattr(registry, "__bases__", ()):
            _registries(base, seen)
    return seen


def _adapters():
    for registry in _registries():
        yield from registry.registeredAdapters()


def registrations(context, layers=()):
    """Yield (method, route, origin) for each view and service on ``context``."""
    provided = providedBy(context)
    request_provides = _request_interfaces(layers)
    prefixes = _service_prefixes()
    seen = set()
    for reg in _adapters():
        if len(reg.required) != 2 or not reg.name:
            continue
        context_iface, request_iface = reg.required
        if request_iface is None or not request_iface.isOrExtends(IBrowserRequest):
            continue
        if not (context_iface is None or provided.isOrExtends(context_iface)):
            continue
        if not (request_iface is None or request_provides.isOrExtends(request_iface)):
            continue
        if reg.provided is not Interface and reg.provided.__name__ != "IBrowserView":
            # e.g. viewlet managers, z3c.form widgets: no published routes.
            if (
                not reg.provided.extends(Interface)
                or "View" not in reg.provided.__name__
            ):
                continue
        origin = str(getattr(reg, "info", ""))
        route = None
        for prefix, method in prefixes.items():
            if reg.name.startswith(prefix):
                name = reg.name[len(prefix) :]
                route = (method, f"/{name}" if name else "")
                break
        if route is None:
            route = ("*", f"/@@{reg.name}")
        if route[0] not in (*METHODS, "*") or route in seen:
            continue
        seen.add(route)
        yield route[0], route[1], origin


def routes(context, ours_only: bool = False, layers=()) -> list[tuple[str, str, bool]]:
    """Sorted (method, route, registered by this add-on) for ``context``."""
    found = {}
    for method, route, origin in registrations(context, layers):
        mine = OURS in origin
        key = (method, route)
        found[key] = found.get(key, False) or mine
    return sorted(
        (method, route, mine)
        for (method, route), mine in found.items()
        if mine or not ours_only
    )
