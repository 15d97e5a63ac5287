"""plone.restapi's JWT plugin must not parse every JSON body during log-in.

The plugin looks for ``{"login", "password"}`` in the body of *every* request
sent as ``application/json`` (``extractCredentials``), before traversal and
before any service can check the body: a deeply nested body raised
RecursionError (500 on any URL) and a large one was parsed whole. A log-in
body is tiny, so a body declared larger than ``MAX_LOGIN_BODY`` is not read
for credentials, and a body too deep to parse holds none; the bearer token in
the ``Authorization`` header is still read as upstream does.
"""

from plone.restapi.pas.plugin import JWTAuthenticationPlugin

MAX_LOGIN_BODY = 64 * 1024


def _declared_length(request) -> int:
    try:
        return int(request.getHeader("Content-Length") or 0)
    except ValueError:
        return MAX_LOGIN_BODY + 1


def _token_only(request) -> dict | None:
    """The upstream plugin's answer when the body holds no credentials."""
    auth = request._auth
    if auth is None:
        return None
    if auth[:7].lower() == "bearer ":
        return {"token": auth.split()[-1]}
    return None


def install() -> None:
    """Wrap ``JWTAuthenticationPlugin.extractCredentials`` once."""
    original = JWTAuthenticationPlugin.extractCredentials
    if getattr(original, "servicedesk_wrapped", False):
        return

    def extractCredentials(self, request):
        if request.getHeader("Content-Type") == "application/json":
            if _declared_length(request) > MAX_LOGIN_BODY:
                return _token_only(request)
            try:
                return original(self, request)
            except RecursionError:
                return _token_only(request)
        return original(self, request)

    extractCredentials.servicedesk_wrapped = True
    JWTAuthenticationPlugin.extractCredentials = extractCredentials


install()
