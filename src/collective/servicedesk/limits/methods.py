"""Our REST services answer 405 (not 404) for a method they do not have.

plone.rest finds a service by method and name; for TRACE, or PUT on a
POST-only service, nothing matches and traversal ends in 404, which tells a
client (and schemathesis) the service does not exist. When traversal enters
the site (IPubStart is too early: an error there cannot be answered) we
look the service name up among ours and refuse other methods with 405 and
an ``Allow`` header.
"""

from collective.servicedesk import _
from zExceptions import MethodNotAllowed
from zope.component import getGlobalSiteManager
from ZPublisher import HTTPResponse

PACKAGE = "collective.servicedesk."
# Preflight and HEAD are answered by plone.rest and Zope themselves.
ALWAYS = {"OPTIONS", "HEAD"}
MESSAGE = _(
    "error_method_not_allowed",
    default="This service does not accept this method.",
)
_methods: dict[str, set[str]] = {}


class ServiceMethodNotAllowed(MethodNotAllowed):
    """405 for one of our services, with the methods it has."""

    def __init__(self, name: str, allowed: set[str]):
        super().__init__(f"{name}: use {', '.join(sorted(allowed))}")
        self.allowed = allowed


def service_methods() -> dict[str, set[str]]:
    """``{"@servicedesk-ask": {"GET", "POST"}, …}`` of the add-on's services."""
    if not _methods:
        found: dict[str, set[str]] = {}
        for registration in getGlobalSiteManager().registeredAdapters():
            name = registration.name or ""
            factory = registration.factory
            # plone.rest registers a subclass made in its own module.
            bases = getattr(factory, "__mro__", ())[:2]
            if "_@" not in name or not any(
                base.__module__.startswith(PACKAGE) for base in bases
            ):
                continue
            method = getattr(factory, "method", None) or name.split("_", 1)[0]
            found.setdefault("@" + name.split("_@", 1)[1], set()).add(method.upper())
        _methods.update(found)
    return _methods


def refuse_other_methods(site, event) -> None:
    """Entering the site: 405 for a method one of our services does not have."""
    request = event.request
    method = (request.get("REQUEST_METHOD") or "GET").upper()
    if method in ALWAYS:
        return
    path = request.get("PATH_INFO") or ""
    segment = path.rstrip("/").rsplit("/", 1)[-1]
    if not segment.startswith("@") or segment.startswith("@@"):
        return
    allowed = service_methods().get(segment)
    if allowed and method not in allowed:
        raise ServiceMethodNotAllowed(segment, allowed)


HTTPResponse.status_codes.setdefault("servicemethodnotallowed", 405)
