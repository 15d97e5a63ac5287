"""Cross-site request forgery protection for our write services.

plone.protect guards forms by a token; our JSON services are also called by
programs (basic auth, JWT bearer tokens) that have no token. A browser that
carries a login cookie, though, must prove the request comes from our own
pages: a valid plone.protect token (``X-CSRF-TOKEN``) or an ``Origin`` (or,
without one, a ``Referer``) of this site. A foreign ``Origin`` is refused
whatever the credentials, as browsers also send cached basic-auth
credentials cross-site. Bodies must be JSON (or what the service names):
HTML forms cannot send ``application/json`` cross-site without a CORS
pre-flight, which we never grant.
"""

from AccessControl import getSecurityManager
from collective.servicedesk import _
from collective.servicedesk.rest.errors import ServiceError
from plone.protect.authenticator import _verify_request
from urllib.parse import urlsplit

FOREIGN = _(
    "error_csrf",
    default="This request did not come from this site. Reload the page and try again.",
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url: str) -> str | None:
    """``scheme://host:port`` of ``url`` (default ports filled in), or None."""
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None
    if not parts.scheme or not parts.hostname:
        return None
    return f"{parts.scheme.lower()}://{parts.hostname.lower()}:{port}"


def own_origin(request) -> str | None:
    """This site's origin as the browser sees it (virtual hosting included)."""
    return origin_of(request.get("SERVER_URL", ""))


def is_anonymous() -> bool:
    user = getSecurityManager().getUser()
    return user is None or user.getUserName() == "Anonymous User"


def check_origin(request) -> None:
    """403 for an authenticated request a foreign page may have sent."""
    if is_anonymous():
        return
    if request.getHeader("X-CSRF-TOKEN") and _verify_request(request):
        return
    own = own_origin(request)
    origin = request.getHeader("Origin")
    if origin:
        if origin_of(origin) != own:
            raise ServiceError(403, FOREIGN)
        return
    # Zope moves the Authorization header out of the environment into _auth.
    if getattr(request, "_auth", None) or request.getHeader("Authorization"):
        return  # basic auth or a bearer token: not sent by a foreign page
    if own is None or origin_of(request.getHeader("Referer") or "") != own:
        raise ServiceError(403, FOREIGN)


def media_type(request) -> str:
    """The request's media type without parameters, lower case."""
    value = request.getHeader("Content-Type") or ""
    return value.split(";", 1)[0].strip().lower()


def has_body(request) -> bool:
    length = request.getHeader("Content-Length")
    if length not in (None, "", "0"):
        return True
    return bool(request.getHeader("Transfer-Encoding"))


def check_media_type(request, allowed: tuple[str, ...]) -> None:
    """415 when a body is sent in a type the service does not read."""
    if has_body(request) and media_type(request) not in allowed:
        raise ServiceError(
            415,
            _(
                "error_media_type",
                default="Send the request body as ${types}.",
                mapping={"types": ", ".join(allowed)},
            ),
            accepted=list(allowed),
        )
